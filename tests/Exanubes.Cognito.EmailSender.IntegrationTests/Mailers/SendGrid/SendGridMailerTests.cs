using System.Net;
using System.Text.Json;
using Exanubes.Cognito.EmailSender.IntegrationTests.Support;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Mailers.SendGrid;

/// <summary>The SendGrid mailer against a loopback HTTP server standing in for the SendGrid v3 API.</summary>
public class SendGridMailerTests
{
    private const string ApiKey = "SG.test-key.do-not-log-9f8e7d";

    [Fact]
    public async Task SendAsync_ValidEvent_PostsTheExactV3MailSendPayloadAndHeaders()
    {
        await using var server = new LoopbackSendGridServer();
        var ciphertext = (await JsEncryptionSdk.EncryptAsync(new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "551177", Events.UserPoolId)))[0];
        var function = SendGridFunction(server, ("SendGrid__ApiKey", ApiKey));

        await function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_ForgotPassword", ciphertext, "jane.doe@example.com")));

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.StartsWith("Exanubes.Cognito.EmailSender/", request.Headers["User-Agent"], StringComparison.Ordinal);

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(
            ["from", "subject", "personalizations", "content", "tracking_settings"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("no-reply@example.com", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Example App", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("Reset your password", root.GetProperty("subject").GetString());
        var to = Assert.Single(Assert.Single(root.GetProperty("personalizations").EnumerateArray()).GetProperty("to").EnumerateArray());
        Assert.Equal("jane.doe@example.com", to.GetProperty("email").GetString());
        var content = root.GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text/plain", "text/html"], content.Select(c => c.GetProperty("type").GetString()));
        Assert.Contains("551177", content[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("https://app.example.com/reset-password?code=551177&username=jane.doe", content[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("551177", content[1].GetProperty("value").GetString(), StringComparison.Ordinal);
        var click = root.GetProperty("tracking_settings").GetProperty("click_tracking");
        Assert.False(click.GetProperty("enable").GetBoolean());
        Assert.False(click.GetProperty("enable_text").GetBoolean());
        Assert.DoesNotContain(ApiKey, function.Stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("551177", function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "{\"errors\":[{\"message\":\"The provided authorization grant is invalid, expired, or revoked\",\"field\":null,\"help\":null}]}", "Check the API key")]
    [InlineData(HttpStatusCode.Forbidden, "{\"errors\":[{\"message\":\"The from address does not match a verified Sender Identity.\"}]}", "verified sender")]
    [InlineData(HttpStatusCode.BadRequest, "{\"errors\":[{\"message\":\"Invalid email\",\"field\":\"personalizations.0.to.0.email\"}]}", "Invalid email")]
    [InlineData(HttpStatusCode.InternalServerError, "oops", "500")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "", "503")]
    public async Task SendAsync_ErrorStatus_FailsTheInvocationWithAClearError(HttpStatusCode status, string body, string expected)
    {
        await using var server = new LoopbackSendGridServer(status, body);
        var ciphertext = (await JsEncryptionSdk.EncryptAsync(new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "220044", Events.UserPoolId)))[0];
        var function = SendGridFunction(server, ("SendGrid__ApiKey", ApiKey));

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(
            () => function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", ciphertext, "jane.doe@example.com"))));

        Assert.Equal("SendGrid", ex.Mailer);
        Assert.Equal((int)status, ex.StatusCode);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, function.Stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"Outcome\":\"Failed\"", function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ApiKeyParameterName_ReadsTheKeyFromSsmOnce()
    {
        await using var server = new LoopbackSendGridServer();
        var ssm = new FakeSimpleSystemsManagement(new Dictionary<string, string> { ["/exanubes/sendgrid-api-key"] = ApiKey });
        var ciphertexts = await JsEncryptionSdk.EncryptAsync(
            new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "100001", Events.UserPoolId),
            new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "100002", Events.UserPoolId));
        var function = SendGridFunction(server, services => services.AddSingleton<Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement>(ssm), ("SendGrid__ApiKeyParameterName", "/exanubes/sendgrid-api-key"));

        foreach (var ciphertext in ciphertexts)
        {
            await function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", ciphertext, "jane.doe@example.com")));
        }

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {ApiKey}", r.Headers["Authorization"]));
        var read = Assert.Single(ssm.Requests);
        Assert.True(read.WithDecryption);
        Assert.DoesNotContain(ApiKey, function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task SendAsync_KeyRotatedInSsm_RefusalReadsTheKeyAgainOnceAndRetries(HttpStatusCode refusal)
    {
        const string Rotated = "SG.rotated-key.do-not-log-1a2b3c";
        await using var server = new LoopbackSendGridServer { Respond = r => r.Headers["Authorization"] == $"Bearer {Rotated}" ? HttpStatusCode.Accepted : refusal };
        var secrets = new Dictionary<string, string> { ["/exanubes/sendgrid-api-key"] = ApiKey };
        var ssm = new FakeSimpleSystemsManagement(secrets);
        var ciphertexts = await JsEncryptionSdk.EncryptAsync(
            new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "300001", Events.UserPoolId),
            new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "300002", Events.UserPoolId));
        var function = SendGridFunction(server, services => services.AddSingleton<Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement>(ssm), ("SendGrid__ApiKeyParameterName", "/exanubes/sendgrid-api-key"));

        // The cached key is refused and SSM still holds it: one re-read, no retry with the same key, a clear failure.
        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(
            () => function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", ciphertexts[0], "jane.doe@example.com"))));
        Assert.Equal((int)refusal, ex.StatusCode);
        Assert.Single(server.Requests);
        Assert.Equal(2, ssm.Requests.Count);

        // The key is rotated in SSM: the refusal of the cached key triggers one re-read and the retry succeeds.
        secrets["/exanubes/sendgrid-api-key"] = Rotated;
        await function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", ciphertexts[1], "jane.doe@example.com")));

        Assert.Equal([$"Bearer {ApiKey}", $"Bearer {ApiKey}", $"Bearer {Rotated}"], server.Requests.Select(r => r.Headers["Authorization"]));
        Assert.Equal(3, ssm.Requests.Count);
        Assert.DoesNotContain(Rotated, function.Stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RefreshIntervalPassed_ReadsTheKeyAgain()
    {
        await using var server = new LoopbackSendGridServer();
        var secrets = new Dictionary<string, string> { ["/exanubes/sendgrid-api-key"] = ApiKey };
        var ssm = new FakeSimpleSystemsManagement(secrets);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var ciphertexts = await JsEncryptionSdk.EncryptAsync(
            new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "400001", Events.UserPoolId),
            new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "400002", Events.UserPoolId),
            new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "400003", Events.UserPoolId));
        var function = SendGridFunction(server, services =>
        {
            services.AddSingleton<Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement>(ssm);
            services.AddSingleton<TimeProvider>(clock);
        }, ("SendGrid__ApiKeyParameterName", "/exanubes/sendgrid-api-key"), ("SendGrid__ApiKeyRefreshInterval", "00:10:00"));

        await function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", ciphertexts[0], "jane.doe@example.com")));
        clock.Advance(TimeSpan.FromMinutes(9));
        await function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", ciphertexts[1], "jane.doe@example.com")));
        Assert.Single(ssm.Requests);

        secrets["/exanubes/sendgrid-api-key"] = "SG.next-key";
        clock.Advance(TimeSpan.FromMinutes(2));
        await function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", ciphertexts[2], "jane.doe@example.com")));

        Assert.Equal(2, ssm.Requests.Count);
        Assert.Equal("Bearer SG.next-key", server.Requests[^1].Headers["Authorization"]);
    }

    [Fact]
    public async Task SendAsync_MissingParameter_FailsNamingIt()
    {
        await using var server = new LoopbackSendGridServer();
        var ssm = new FakeSimpleSystemsManagement(new Dictionary<string, string>());
        var ciphertext = (await JsEncryptionSdk.EncryptAsync(new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "100003", Events.UserPoolId)))[0];
        var function = SendGridFunction(server, services => services.AddSingleton<Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement>(ssm), ("SendGrid__ApiKeyParameterName", "/missing"));

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(
            () => function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", ciphertext, "jane.doe@example.com"))));

        Assert.Contains("'/missing'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ssm:GetParameter", ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(null, null, "exactly one")]
    [InlineData(ApiKey, "/p", "exactly one")]
    public async Task AddSendGridMailer_BadKeySettings_FailAtStartUp(string? key, string? parameter, string expected)
    {
        await using var server = new LoopbackSendGridServer();
        var function = SendGridFunction(server, ("SendGrid__ApiKey", key), ("SendGrid__ApiKeyParameterName", parameter));

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", "AYAD", "jane.doe@example.com"))));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("SendGrid:ApiKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSendGridMailer_PlainHttpToRemoteHost_IsRefused()
    {
        var env = TestFunction.Environment(("SendGrid__ApiKey", ApiKey), ("SendGrid__BaseUrl", "http://sendgrid.example.com"));
        var function = TestFunction.Create(env, (services, configuration) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            services.AddSendGridMailer(configuration.GetSection("SendGrid"));
        });

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => function.HandleAsync(Events.Stream(Events.Create("CustomEmailSender_SignUp", "AYAD", "jane.doe@example.com"))));

        Assert.Contains("https", ex.Message, StringComparison.Ordinal);
    }

    internal static TestFunction SendGridFunction(LoopbackSendGridServer server, params (string Key, string? Value)[] extra)
        => SendGridFunction(server, _ => { }, extra);

    internal static TestFunction SendGridFunction(LoopbackSendGridServer server, Action<IServiceCollection> more, params (string Key, string? Value)[] extra)
    {
        var env = TestFunction.Environment([("SendGrid__BaseUrl", server.BaseUrl.ToString()), .. extra]);
        return TestFunction.Create(env, (services, configuration) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            more(services);
            services.AddSendGridMailer(configuration.GetSection("SendGrid"));
        });
    }
}
