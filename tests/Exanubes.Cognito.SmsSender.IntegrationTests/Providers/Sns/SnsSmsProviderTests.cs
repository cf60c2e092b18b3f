using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Exanubes.Cognito.EmailSender.IntegrationTests.Support;
using Exanubes.Cognito.SmsSender.Tests.Support;
using Exanubes.Cognito.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Exanubes.Cognito.SmsSender.IntegrationTests.Providers.Sns;

/// <summary>
/// The SNS provider: the request captured on a loopback stand-in is held to botocore's official <c>sns</c> model (its own
/// query serializer and parameter validator produce the same form from the same inputs), its SigV4 signature is
/// recomputed here from the spec, and moto_server's SNS accepts it and answers with a MessageId our XML reader finds.
/// </summary>
public sealed class SnsSmsProviderTests
{
    private const string AccessKey = "AKIDEXAMPLESNS00001";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SessionToken = "session-token-for-sns-test";
    private const string PublishOk = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>5f1b0c9e-test</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>";
    private static readonly DateTimeOffset SignedAt = new(2026, 12, 2, 4, 30, 15, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_SignUpEvent_PostsPublishToThePhoneNumberSignedWithSigV4()
    {
        await using var server = new LoopbackSendGridServer(HttpStatusCode.OK, PublishOk);
        var function = SnsFunction(server.BaseUrl, ("Sns__SenderId", "Exanubes"));

        await function.HandleAsync(new MemoryStream(SmsEvents.Bytes("SignUp")));

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal(
            [
                ("Action", "Publish"), ("Version", "2010-03-31"), ("PhoneNumber", SmsEvents.Phone), ("Message", "Your verification code is 123456"),
                ("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType"), ("MessageAttributes.entry.1.Value.DataType", "String"), ("MessageAttributes.entry.1.Value.StringValue", "Transactional"),
                ("MessageAttributes.entry.2.Name", "AWS.SNS.SMS.SenderID"), ("MessageAttributes.entry.2.Value.DataType", "String"), ("MessageAttributes.entry.2.Value.StringValue", "Exanubes"),
            ],
            Form(request.Body));

        Assert.Equal("20261202T043015Z", request.Headers["X-Amz-Date"]);
        Assert.Equal(SessionToken, request.Headers["X-Amz-Security-Token"]);
        Assert.Equal(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))), request.Headers["X-Amz-Content-SHA256"]);
        var authorization = request.Headers["Authorization"]!;
        const string signedHeaders = "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token";
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/20261202/eu-west-1/sns/aws4_request, SignedHeaders={signedHeaders}, Signature=", authorization, StringComparison.Ordinal);
        Assert.Equal(ExpectedSignature(request, signedHeaders), authorization[(authorization.LastIndexOf('=') + 1)..]);
        Assert.DoesNotContain("123456", function.Stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Request_EqualsBotocoresQuerySerializationOfTheSnsModel()
    {
        await using var server = new LoopbackSendGridServer(HttpStatusCode.OK, PublishOk);
        var function = SnsFunction(server.BaseUrl, ("Sns__SenderId", "Exanubes"), ("Sns__OriginationNumber", "+15555550100"), ("Sns__SmsType", "Promotional"));
        await function.HandleAsync(new MemoryStream(SmsEvents.Bytes("Authentication")));
        var request = Assert.Single(server.Requests);

        // The same inputs through botocore: validated against the model, serialized by its query serializer.
        var inputs = new Dictionary<string, object>
        {
            ["PhoneNumber"] = SmsEvents.Phone,
            ["Message"] = "Your sign-in code is 98765432",
            ["MessageAttributes"] = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["AWS.MM.SMS.OriginationNumber"] = new Dictionary<string, string> { ["DataType"] = "String", ["StringValue"] = "+15555550100" },
                ["AWS.SNS.SMS.SMSType"] = new Dictionary<string, string> { ["DataType"] = "String", ["StringValue"] = "Promotional" },
                ["AWS.SNS.SMS.SenderID"] = new Dictionary<string, string> { ["DataType"] = "String", ["StringValue"] = "Exanubes" },
            },
        };
        var botocore = await BotocoreAsync(JsonSerializer.Serialize(inputs));

        Assert.Equal("POST", botocore.GetProperty("method").GetString());
        Assert.Equal(request.Path, botocore.GetProperty("path").GetString());
        Assert.Equal("sns", botocore.GetProperty("signingName").GetString());
        Assert.Equal("query", botocore.GetProperty("protocol").GetString());
        Assert.Equal(botocore.GetProperty("body").EnumerateArray().Select(p => (p[0].GetString()!, p[1].GetString()!)), Form(request.Body));
    }

    [Fact]
    public async Task SendAsync_SnsRefuses_FailsWithTheStatusAndErrorCodeButNotTheText()
    {
        const string error = "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid parameter: PhoneNumber Reason: +15555550123 is not valid to publish to</Message></Error><RequestId>r-2</RequestId></ErrorResponse>";
        await using var server = new LoopbackSendGridServer(HttpStatusCode.BadRequest, error);
        var function = SnsFunction(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<SmsDeliveryException>(() => function.HandleAsync(new MemoryStream(SmsEvents.Bytes("ForgotPassword"))));

        Assert.Equal("Sns", ex.Provider);
        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("InvalidParameter", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("246810", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ToMotoServerSns_IsAcceptedAndRecordedForThePhoneNumber()
    {
        await using var moto = await MotoServer.StartAsync();
        var function = SnsFunction(moto.Endpoint);

        await function.HandleAsync(new MemoryStream(SmsEvents.Bytes("VerifyUserAttribute")));

        Assert.Contains("\"Outcome\":\"Sent\"", function.Stdout.ToString(), StringComparison.Ordinal);
        using var http = new HttpClient();
        var data = await http.GetStringAsync(new Uri(moto.Endpoint, "/moto-api/data.json"));
        Assert.Contains(SmsEvents.Phone, data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sns__ServiceUrl", "http://sns.example.com/", "Sns:ServiceUrl")]
    [InlineData("Sns__Region", "Ireland", "Sns:Region")]
    [InlineData("Sns__SmsType", "Urgent", "Sns:SmsType")]
    [InlineData("Sns__SenderId", "TwelveChars1", "Sns:SenderId")]
    [InlineData("Sns__OriginationNumber", "555-0100", "Sns:OriginationNumber")]
    public async Task AddSnsSmsProvider_BadSetting_FailsNamingIt(string key, string value, string expected)
    {
        await using var server = new LoopbackSendGridServer(HttpStatusCode.OK, PublishOk);
        var function = SnsFunction(server.BaseUrl, (key, value));

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => function.HandleAsync(new MemoryStream(SmsEvents.Bytes("SignUp"))));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static TestSmsFunction SnsFunction(Uri serviceUrl, params (string Key, string? Value)[] settings)
    {
        var environment = TestSmsFunction.Environment([("Sns__Region", "eu-west-1"), ("Sns__ServiceUrl", serviceUrl.AbsoluteUri), .. settings]);
        return TestSmsFunction.Create(environment, (services, configuration) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new EmailSender.Tests.Support.FakeKeyManagementService());
            services.AddSingleton<AWSCredentials>(new SessionAWSCredentials(AccessKey, SecretKey, SessionToken));
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(SignedAt));
            services.AddSnsSmsProvider(configuration.GetSection("Sns"));
        });
    }

    private static List<(string, string)> Form(string body)
        => [.. body.Split('&').Select(p => p.Split('=', 2)).Select(p => (Uri.UnescapeDataString(p[0].Replace('+', ' ')), Uri.UnescapeDataString(p[1].Replace('+', ' '))))];

    /// <summary>SigV4 from the spec: canonical request → string to sign → HMAC chain of the secret, date, region, service.</summary>
    private static string ExpectedSignature(LoopbackSendGridServer.Recorded request, string signedHeaders)
    {
        var canonicalHeaders = string.Concat(signedHeaders.Split(';').Select(h => $"{h}:{request.Headers[h]!.Trim()}\n"));
        var canonical = $"POST\n{request.Path}\n\n{canonicalHeaders}\n{signedHeaders}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body)))}";
        var scope = "20261202/eu-west-1/sns/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n20261202T043015Z\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + SecretKey);
        foreach (var part in new[] { "20261202", "eu-west-1", "sns", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
    }

    /// <summary>Runs botocore (installed with moto on every machine): validates the inputs against the official model and serializes them with its query serializer.</summary>
    private static async Task<JsonElement> BotocoreAsync(string inputsJson)
    {
        const string script = """
            import sys, json, botocore.session, botocore.serialize, botocore.validate
            model = botocore.session.get_session().get_service_model('sns')
            op = model.operation_model('Publish')
            params = json.loads(sys.stdin.read())
            botocore.validate.validate_parameters(params, op.input_shape)
            request = botocore.serialize.create_serializer(model.metadata['protocol']).serialize_to_request(params, op)
            print(json.dumps({'method': request['method'], 'path': request['url_path'], 'signingName': model.signing_name,
                              'protocol': model.metadata['protocol'], 'body': list(request['body'].items())}))
            """;
        var psi = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        using var python = Process.Start(psi) ?? throw new InvalidOperationException("python3 with botocore is required for the SNS model check");
        await python.StandardInput.WriteAsync(inputsJson);
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"botocore refused the inputs: {errors}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
