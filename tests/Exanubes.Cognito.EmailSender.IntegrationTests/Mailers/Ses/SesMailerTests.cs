using Exanubes.Cognito.Lambda;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Exanubes.Cognito.EmailSender.IntegrationTests.Support;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Mailers.Ses;

/// <summary>
/// The SES v2 mailer against a loopback stand-in that captures the request (moto's SES v2 ignores configuration sets and
/// tags): the body is held to botocore's official <c>sesv2</c> model, and the SigV4 signature is recomputed here from the
/// spec, independently of AWSSDK.Core.
/// </summary>
public class SesMailerTests
{
    private const string AccessKey = "AKIDEXAMPLESES00001";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SessionToken = "session-token-for-ses-test";
    private static readonly DateTimeOffset SignedAt = new(2026, 12, 2, 4, 30, 15, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_ValidEvent_PostsSendEmailWithConfigurationSetAndTagsSignedWithSigV4()
    {
        await using var server = new LoopbackSendGridServer(HttpStatusCode.OK, "{\"MessageId\":\"0100018c-test\"}");
        var ciphertext = (await JsEncryptionSdk.EncryptAsync(new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "551177", Events.UserPoolId)))[0];
        var function = SesFunction(server, ("Ses__ConfigurationSetName", "cognito-mail"), ("Ses__Tags__app", "exanubes"), ("Ses__Tags__kind", "auth-code"));

        await function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_ForgotPassword", ciphertext, "jane.doe@example.com")));

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/email/outbound-emails", request.Path);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(["FromEmailAddress", "Destination", "Content", "EmailTags", "ConfigurationSetName"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Example App <no-reply@example.com>", root.GetProperty("FromEmailAddress").GetString());
        Assert.Equal("jane.doe@example.com", Assert.Single(root.GetProperty("Destination").GetProperty("ToAddresses").EnumerateArray()).GetString());
        var simple = root.GetProperty("Content").GetProperty("Simple");
        Assert.Equal("Reset your password", simple.GetProperty("Subject").GetProperty("Data").GetString());
        Assert.Equal("UTF-8", simple.GetProperty("Subject").GetProperty("Charset").GetString());
        Assert.Contains("https://app.example.com/reset-password?code=551177&username=jane.doe", simple.GetProperty("Body").GetProperty("Text").GetProperty("Data").GetString(), StringComparison.Ordinal);
        Assert.Contains("551177", simple.GetProperty("Body").GetProperty("Html").GetProperty("Data").GetString(), StringComparison.Ordinal);
        Assert.Equal("UTF-8", simple.GetProperty("Body").GetProperty("Html").GetProperty("Charset").GetString());
        Assert.Equal([("app", "exanubes"), ("kind", "auth-code")], root.GetProperty("EmailTags").EnumerateArray().Select(t => (t.GetProperty("Name").GetString(), t.GetProperty("Value").GetString())));
        Assert.Equal("cognito-mail", root.GetProperty("ConfigurationSetName").GetString());

        // Signature headers, and the signature recomputed from the SigV4 spec over what arrived.
        Assert.Equal("20261202T043015Z", request.Headers["X-Amz-Date"]);
        Assert.Equal(SessionToken, request.Headers["X-Amz-Security-Token"]);
        Assert.Equal(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))), request.Headers["X-Amz-Content-SHA256"]);
        var authorization = request.Headers["Authorization"]!;
        const string signedHeaders = "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token";
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/20261202/eu-west-1/ses/aws4_request, SignedHeaders={signedHeaders}, Signature=", authorization, StringComparison.Ordinal);
        Assert.Equal(ExpectedSignature(request, signedHeaders), authorization[(authorization.LastIndexOf('=') + 1)..]);
        Assert.DoesNotContain("551177", function.Stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Request_MatchesBotocoresSesV2Model()
    {
        await using var server = new LoopbackSendGridServer(HttpStatusCode.OK, "{\"MessageId\":\"m\"}");
        var function = SesFunction(server, ("Ses__ConfigurationSetName", "cognito-mail"), ("Ses__Tags__app", "exanubes"));
        await function.HandleAsync(await SignUpEventAsync());
        var request = Assert.Single(server.Requests);

        using var model = JsonDocument.Parse(await ReadModelAsync("sesv2"));
        var operation = model.RootElement.GetProperty("operations").GetProperty("SendEmail");
        Assert.Equal(operation.GetProperty("http").GetProperty("method").GetString(), request.Method);
        Assert.Equal(operation.GetProperty("http").GetProperty("requestUri").GetString(), request.Path);
        Assert.Equal("ses", model.RootElement.GetProperty("metadata").GetProperty("signingName").GetString());
        using var body = JsonDocument.Parse(request.Body);
        var problems = new List<string>();
        CheckShape(model.RootElement.GetProperty("shapes"), operation.GetProperty("input").GetProperty("shape").GetString()!, body.RootElement, "$", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task SendAsync_SesRefuses_FailsWithTheStatusAndErrorType()
    {
        await using var server = new LoopbackSendGridServer(HttpStatusCode.BadRequest, "{\"message\":\"Email address is not verified. The following identities failed the check: no-reply@example.com\"}");
        server.ResponseHeaders["x-amzn-ErrorType"] = "MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/";
        var function = SesFunction(server);

        var evt = await SignUpEventAsync();

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(() => function.HandleAsync(evt));

        Assert.Equal("Ses", ex.Mailer);
        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("MessageRejected", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not verified", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ses__ServiceUrl", "http://email.example.com/", "Ses:ServiceUrl")]
    [InlineData("Ses__Region", "Ireland", "Ses:Region")]
    [InlineData("Ses__Tags__app", "has space", "Ses:Tags:app")]
    [InlineData("Ses__ConfigurationSetName", "set/with/slash", "Ses:ConfigurationSetName")]
    public async Task AddSesMailer_BadSetting_FailsNamingIt(string key, string value, string expected)
    {
        await using var server = new LoopbackSendGridServer();
        var function = SesFunction(server, (key, value));

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", "AYADeNotDecrypted", "jane.doe@example.com"))));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    /// <summary>SigV4 from the spec: canonical request → string to sign → HMAC chain of the secret, date, region, service.</summary>
    private static string ExpectedSignature(LoopbackSendGridServer.Recorded request, string signedHeaders)
    {
        var canonicalHeaders = string.Concat(signedHeaders.Split(';').Select(h => $"{h}:{request.Headers[h]!.Trim()}\n"));
        var canonical = $"POST\n{request.Path}\n\n{canonicalHeaders}\n{signedHeaders}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body)))}";
        var scope = "20261202/eu-west-1/ses/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n20261202T043015Z\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + SecretKey);
        foreach (var part in new[] { "20261202", "eu-west-1", "ses", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
    }

    /// <summary>Every member we send exists in the model's shape, every required member is sent, strings are strings and lists are lists.</summary>
    private static void CheckShape(JsonElement shapes, string shapeName, JsonElement value, string path, List<string> problems)
    {
        var shape = shapes.GetProperty(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: {shapeName} is a structure");
                    return;
                }

                var members = shape.GetProperty("members");
                foreach (var property in value.EnumerateObject())
                {
                    if (!members.TryGetProperty(property.Name, out var member))
                    {
                        problems.Add($"{path}.{property.Name}: not a member of {shapeName}");
                        continue;
                    }

                    CheckShape(shapes, member.GetProperty("shape").GetString()!, property.Value, $"{path}.{property.Name}", problems);
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    problems.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(r => !value.TryGetProperty(r, out _)).Select(r => $"{path}: required {shapeName}.{r} missing"));
                }

                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}: {shapeName} is a list");
                    return;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckShape(shapes, shape.GetProperty("member").GetProperty("shape").GetString()!, item, $"{path}[{index++}]", problems);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{path}: {shapeName} is a string");
                }

                break;
            default:
                problems.Add($"{path}: unexpected model type {shape.GetProperty("type").GetString()} for {shapeName}");
                break;
        }
    }

    /// <summary>The official model from botocore (installed with moto on every machine), never a copy.</summary>
    private static async Task<string> ReadModelAsync(string service)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import botocore,os;print(os.path.dirname(botocore.__file__))");
        using var python = Process.Start(psi) ?? throw new InvalidOperationException("python3 is required to locate botocore's models");
        var root = (await python.StandardOutput.ReadToEndAsync()).Trim();
        await python.WaitForExitAsync();
        var folder = Directory.GetDirectories(Path.Combine(root, "data", service)).OrderDescending().First();
        await using var file = File.OpenRead(Path.Combine(folder, "service-2.json.gz"));
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }

    private static async Task<MemoryStream> SignUpEventAsync()
    {
        var ciphertext = (await JsEncryptionSdk.EncryptAsync(new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "909192", Events.UserPoolId)))[0];
        return Events.Stream(Events.Create("CustomEmailSender_SignUp", ciphertext, "jane.doe@example.com"));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static TestFunction SesFunction(LoopbackSendGridServer server, params (string Key, string? Value)[] extra)
    {
        var env = TestFunction.Environment([("Ses__Region", "eu-west-1"), ("Ses__ServiceUrl", server.BaseUrl.AbsoluteUri), .. extra]);
        return TestFunction.Create(env, (services, configuration) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            services.AddSingleton<AWSCredentials>(new SessionAWSCredentials(AccessKey, SecretKey, SessionToken));
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(SignedAt));
            services.AddSesMailer(configuration.GetSection("Ses"));
        });
    }
}
