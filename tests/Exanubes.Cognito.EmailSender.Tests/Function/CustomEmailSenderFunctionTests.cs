using System.Net;
using System.Text;
using System.Text.Json;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender.Tests.Function;

public class CustomEmailSenderFunctionTests
{
    public static IEnumerable<object[]> Routes =>
    [
        ["SignUp", "Verify your email address", "https://app.example.com/verify?code=123456&username=jane.doe"],
        ["ResendCode", "Verify your email address", "https://app.example.com/verify?code=654321&username=jane.doe"],
        ["ForgotPassword", "Reset your password", "https://app.example.com/reset-password?code=246810&username=jane.doe"],
        ["UpdateUserAttribute", "Confirm your new email address", "https://app.example.com"],
        ["VerifyUserAttribute", "Verify your email address", "https://app.example.com"],
        ["AdminCreateUser", "Your new account", "https://app.example.com"],
        ["Authentication", "Your sign-in code", "https://app.example.com"],
        ["AccountTakeOverNotification", "Security alert: unusual sign-in to your account", null!],
    ];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task HandleAsync_Fixture_DecryptsRendersAndSendsTheRightEmail(string name, string subject, string? link)
    {
        var mailer = new CapturingMailer();
        var kms = new FakeKeyManagementService();
        var function = TestFunction.WithMailer(mailer, kms);

        using var input = new MemoryStream(Fixtures.Bytes(name));
        using var response = await function.HandleAsync(input);

        var message = Assert.Single(mailer.Sent);
        Assert.Equal(name == "UpdateUserAttribute" ? "jane.new@example.com" : "jane.doe@example.com", message.To);
        Assert.Equal(subject, message.Subject);
        Assert.Equal("no-reply@example.com", message.FromAddress);
        Assert.Equal("Example App", message.FromName);
        Assert.Equal("CustomEmailSender_" + name, message.TriggerSource.Value);
        var code = Fixtures.Codes[name];
        if (code is null)
        {
            Assert.Equal(0, kms.DecryptCalls);
            Assert.Contains("203.0.113.7", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("Lisbon, Portugal", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("https://cognito-idp.eu-west-1.amazonaws.com/feedback?token=invalid-token-456", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("Firefox &lt;on&gt; Linux", message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("blocked it", message.HtmlBody, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(1, kms.DecryptCalls);
            Assert.Equal(Fixtures.UserPoolId, kms.LastEncryptionContext!["userpool-id"]);
            Assert.Contains(code, message.TextBody, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(code).Replace("&#39;", "&#x27;", StringComparison.Ordinal), message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains(link!, message.TextBody, StringComparison.Ordinal);
        }

        using var reader = new StreamReader(response);
        Assert.Equal("{}", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task HandleAsync_AdminCreateUser_HtmlEncodesTheTemporaryPassword()
    {
        var mailer = new CapturingMailer();
        var function = TestFunction.WithMailer(mailer);

        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("AdminCreateUser")));

        var html = Assert.Single(mailer.Sent).HtmlBody;
        Assert.DoesNotContain("Tmp<&", html, StringComparison.Ordinal);
        Assert.Contains("Tmp&lt;&amp;&quot;&#x27;&gt;Pw1!", html, StringComparison.Ordinal);
        Assert.Contains("Temporary password: Tmp<&\"'>Pw1!", mailer.Sent[0].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ManyEvents_BuildsServicesOnce()
    {
        var mailer = new CapturingMailer();
        var function = TestFunction.WithMailer(mailer);

        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp")));
        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("ForgotPassword")));
        await function.HandleEventAsync(Fixtures.Event("Authentication"));

        Assert.Equal(1, function.ConfigureCalls);
        Assert.Equal(3, mailer.Sent.Count);
    }

    [Fact]
    public void Constructor_DoesNotBuildServices()
    {
        var function = TestFunction.WithMailer(new CapturingMailer());

        Assert.Equal(0, function.ConfigureCalls);
    }

    [Fact]
    public async Task HandleAsync_SameEventTwice_SendsOnce()
    {
        var mailer = new CapturingMailer();
        var function = TestFunction.WithMailer(mailer);

        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp")));
        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp")));

        Assert.Single(mailer.Sent);
        var lines = LogLines(function);
        Assert.Equal(["Sent", "Duplicate"], lines.Select(l => l.GetProperty("Outcome").GetString()));
    }

    [Fact]
    public async Task HandleAsync_DuplicatesAllowed_SendsTwice()
    {
        var mailer = new CapturingMailer();
        var function = TestFunction.WithMailer(mailer, null, ("EmailSender__SuppressDuplicates", "false"));

        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp")));
        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp")));

        Assert.Equal(2, mailer.Sent.Count);
    }

    [Fact]
    public async Task HandleAsync_FailedSend_IsNotRememberedSoTheRetrySends()
    {
        var mailer = new CapturingMailer { FailWith = new EmailDeliveryException("Test", 503, "down") };
        var function = TestFunction.WithMailer(mailer);

        await Assert.ThrowsAsync<EmailDeliveryException>(() => function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp"))));
        mailer.FailWith = null;
        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp")));

        Assert.Single(mailer.Sent);
        Assert.Equal(["Failed", "Sent"], LogLines(function).Select(l => l.GetProperty("Outcome").GetString()));
    }

    [Fact]
    public async Task HandleAsync_MailerErrorEchoingThePassword_ThrowsAndLogsWithoutIt()
    {
        // A provider answering 400 may quote the request it refused; its text must not carry the password further.
        var password = Fixtures.Codes["AdminCreateUser"]!;
        var echoed = new EmailDeliveryException("Test", 400, $"refused: content '{password}' is invalid", new InvalidOperationException(password));
        var function = TestFunction.WithMailer(new CapturingMailer { FailWith = echoed });

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(() => function.HandleAsync(new MemoryStream(Fixtures.Bytes("AdminCreateUser"))));

        Assert.DoesNotContain(password, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("refused: content '[redacted]' is invalid", ex.Message, StringComparison.Ordinal);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("Test", ex.Mailer);
        Assert.DoesNotContain(password, function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_CustomMailerThrowsUntyped_FailsWithEmailDeliveryException()
    {
        var function = TestFunction.WithMailer(new CapturingMailer { FailWith = new InvalidOperationException("queue full for code 123456") });

        var ex = await Assert.ThrowsAsync<EmailDeliveryException>(() => function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp"))));

        Assert.Equal(nameof(CapturingMailer), ex.Mailer);
        Assert.DoesNotContain("123456", ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("request.type")]
    [InlineData("userPoolId")]
    [InlineData("triggerSource")]
    public async Task HandleAsync_HugeHostileValue_IsRejectedNamingTheFieldWithABoundedMessage(string field)
    {
        var hostile = "\u001b[31m" + new string('x', 200_000) + "\r\nforged line";
        var node = Fixtures.Node("SignUp");
        if (field == "request.type")
        {
            node["request"]!["type"] = hostile;
        }
        else
        {
            node[field] = hostile;
        }

        var function = TestFunction.WithMailer(new CapturingMailer());

        var ex = await Assert.ThrowsAsync<CustomEmailSenderEventException>(() => function.HandleAsync(new MemoryStream(Fixtures.ToBytes(node))));

        Assert.Equal(field, ex.Field);
        Assert.InRange(ex.Message.Length, 1, 1_000);
        Assert.DoesNotContain("\u001b", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
        var line = Assert.Single(LogLines(function));
        Assert.InRange(line.GetRawText().Length, 1, 2_000);
    }

    [Fact]
    public async Task HandleAsync_HostileUserPoolIdWithNoPoolConfigured_IsRejectedBeforeDecrypting()
    {
        var node = Fixtures.Node("SignUp");
        node["userPoolId"] = "\u001b[31m" + new string('x', 200_000) + "\r\nforged line";
        var kms = new FakeKeyManagementService();
        var function = TestFunction.WithMailer(new CapturingMailer(), kms, ("EmailSender__UserPoolId", null));

        var ex = await Assert.ThrowsAsync<CustomEmailSenderEventException>(() => function.HandleAsync(new MemoryStream(Fixtures.ToBytes(node))));

        Assert.Equal("userPoolId", ex.Field);
        Assert.Contains("not a user pool id", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, kms.DecryptCalls);
        Assert.InRange(ex.Message.Length, 1, 2_000);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
        Assert.InRange(Assert.Single(LogLines(function)).GetRawText().Length, 1, 3_000);
    }

    [Fact]
    public async Task HandleAsync_Event_WritesOneJsonLineWithTheSummaryAndNoSecrets()
    {
        var mailer = new CapturingMailer();
        var function = TestFunction.WithMailer(mailer);

        await function.HandleAsync(new MemoryStream(Fixtures.Bytes("AdminCreateUser")));

        var line = Assert.Single(LogLines(function));
        Assert.Equal(6000, line.GetProperty("eventId").GetInt32());
        Assert.Equal("CustomEmailSender_AdminCreateUser", line.GetProperty("TriggerSource").GetString());
        Assert.Equal(Fixtures.UserPoolId, line.GetProperty("UserPoolId").GetString());
        Assert.Equal("-", line.GetProperty("ClientId").GetString());
        Assert.Equal("Sent", line.GetProperty("Outcome").GetString());
        Assert.True(line.GetProperty("DurationMs").GetDouble() >= 0);
        var stdout = function.Stdout.ToString();
        Assert.DoesNotContain("Pw1!", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Fixtures.Event("AdminCreateUser").Request!.Code!, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alias/cognito-email", "alias")]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:alias/cognito-email", "alias")]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", "not a KMS key ARN")]
    [InlineData(null, "is required")]
    public async Task HandleAsync_BadKeyArn_FailsAtStartUpExplainingWhy(string? arn, string expected)
    {
        var function = TestFunction.WithMailer(new CapturingMailer(), null, ("EmailSender__KmsKeyArn", arn));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp"))));

        Assert.Contains("EmailSender:KmsKeyArn", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        if (expected == "alias")
        {
            Assert.Contains("key ARN", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HandleAsync_OtherUserPool_IsRejectedBeforeDecrypting()
    {
        var kms = new FakeKeyManagementService();
        var function = TestFunction.WithMailer(new CapturingMailer(), kms, ("EmailSender__UserPoolId", "eu-west-1_OtherPool"));

        var ex = await Assert.ThrowsAsync<CustomEmailSenderEventException>(() => function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp"))));

        Assert.Equal("userPoolId", ex.Field);
        Assert.Contains("eu-west-1_OtherPool", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, kms.DecryptCalls);
    }

    [Fact]
    public async Task HandleAsync_NoMailer_FailsAtStartUp()
    {
        var function = TestFunction.Create(TestFunction.Environment(), (services, _) => services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService()));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp"))));

        Assert.Contains("AddSendGridMailer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_SmtpMailerWithoutFromAddress_FailsAtStartUp()
    {
        var env = TestFunction.Environment(("EmailSender__FromAddress", null), ("Smtp__Host", "127.0.0.1"));
        var function = TestFunction.Create(env, (services, configuration) => services.AddSmtpMailer(configuration.GetSection("Smtp")));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => function.HandleAsync(new MemoryStream(Fixtures.Bytes("SignUp"))));

        Assert.Contains("EmailSender:FromAddress", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NullCodeWhereNeeded_NamesRequestCode()
    {
        var node = Fixtures.Node("ForgotPassword");
        node["request"]!["code"] = null;
        var function = TestFunction.WithMailer(new CapturingMailer());

        var ex = await Assert.ThrowsAsync<CustomEmailSenderEventException>(() => function.HandleAsync(new MemoryStream(Fixtures.ToBytes(node))));

        Assert.Equal("request.code", ex.Field);
    }

    [Fact]
    public async Task HandleAsync_NoEmailAttribute_NamesIt()
    {
        var node = Fixtures.Node("SignUp");
        node["request"]!["userAttributes"]!.AsObject().Remove("email");
        var function = TestFunction.WithMailer(new CapturingMailer());

        var ex = await Assert.ThrowsAsync<CustomEmailSenderEventException>(() => function.HandleAsync(new MemoryStream(Fixtures.ToBytes(node))));

        Assert.Equal("request.userAttributes.email", ex.Field);
    }

    [Fact]
    public async Task HandleAsync_UnknownTriggerSource_FailsUnlessATemplateIsRegistered()
    {
        var node = Fixtures.Node("SignUp");
        node["triggerSource"] = "CustomEmailSender_SomethingNew";
        var failing = TestFunction.WithMailer(new CapturingMailer());

        var ex = await Assert.ThrowsAsync<CustomEmailSenderEventException>(() => failing.HandleAsync(new MemoryStream(Fixtures.ToBytes(node))));
        Assert.Equal("triggerSource", ex.Field);
        Assert.Contains("CustomEmailSender_SomethingNew", ex.Message, StringComparison.Ordinal);

        var mailer = new CapturingMailer();
        var handled = TestFunction.Create(TestFunction.Environment(), (services, _) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            services.AddSingleton<IMailer>(mailer);
            services.AddEmailTemplate(new EmailTemplate
            {
                TriggerSource = new CustomEmailSenderTriggerSource("CustomEmailSender_SomethingNew"),
                Subject = "New thing",
                HtmlBody = "<p>{{ code }}</p>",
                TextBody = "{{ code }}",
            });
        });
        await handled.HandleAsync(new MemoryStream(Fixtures.ToBytes(node)));
        Assert.Equal("123456", Assert.Single(mailer.Sent).TextBody);
    }

    [Fact]
    public async Task HandleAsync_RejectedEvent_LogsOneLineWithTheReason()
    {
        var function = TestFunction.WithMailer(new CapturingMailer());

        await Assert.ThrowsAsync<CustomEmailSenderEventException>(() => function.HandleAsync(new MemoryStream("{"u8.ToArray())));

        var line = Assert.Single(LogLines(function));
        Assert.Equal(6001, line.GetProperty("eventId").GetInt32());
        Assert.Equal("Rejected", line.GetProperty("Outcome").GetString());
    }

    [Fact]
    public async Task HandleAsync_NonSeekableStream_IsRead()
    {
        var mailer = new CapturingMailer();
        var function = TestFunction.WithMailer(mailer);

        await using var pipe = new NonSeekableStream(Fixtures.Bytes("SignUp"));
        await function.HandleAsync(pipe);

        Assert.Single(mailer.Sent);
    }

    [Fact]
    public void Services_KmsServiceUrl_IsUsedByTheDefaultKmsClient()
    {
        var env = TestFunction.Environment(("EmailSender__KmsServiceUrl", "http://127.0.0.1:4566"), ("AWS_REGION", "eu-west-1"));
        var function = TestFunction.Create(env, (services, _) => services.AddSingleton<IMailer>(new CapturingMailer()));

        var kms = (Amazon.KeyManagementService.AmazonKeyManagementServiceClient)function.Services.GetRequiredService<Amazon.KeyManagementService.IAmazonKeyManagementService>();

        Assert.StartsWith("http://127.0.0.1:4566", kms.Config.ServiceURL, StringComparison.Ordinal);
    }

    private static List<JsonElement> LogLines(TestFunction function)
        => function.Stdout.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .Where(e => e.TryGetProperty("eventId", out var id) && id.GetInt32() is 6000 or 6001)
            .ToList();

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override bool TryGetBuffer(out ArraySegment<byte> buffer)
        {
            buffer = default;
            return false;
        }
    }
}
