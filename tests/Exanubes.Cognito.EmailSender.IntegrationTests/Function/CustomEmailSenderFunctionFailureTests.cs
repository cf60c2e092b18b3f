using System.Net;
using System.Text.Json.Nodes;
using Exanubes.Cognito.EmailSender.IntegrationTests.Support;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Function;

/// <summary>
/// The failure table: each way an invocation can fail raises a typed exception with a message a person can act on,
/// and neither the JSON log lines nor any captured log record carries the code, the temporary password or the API key.
/// </summary>
public class CustomEmailSenderFunctionFailureTests(CustomEmailSenderFunctionFailureTests.Ciphertexts ciphertexts)
    : IClassFixture<CustomEmailSenderFunctionFailureTests.Ciphertexts>
{
    private const string ApiKey = "SG.failure-table-key.never-logged-4c3b2a";
    private const string Code = "864209";
    private const string TemporaryPassword = "Tp<&\"'>x7!Q";

    public static TheoryData<string> Cases =>
    [
        "smtp-down", "sendgrid-401", "kms-access-denied", "alias-configured", "context-pool-mismatch", "base64-garbage", "unknown-trigger-source", "null-code",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HandleAsync_Failure_RaisesATypedClearErrorAndLogsNoSecret(string failure)
    {
        await using var sendGrid = new LoopbackSendGridServer(HttpStatusCode.Unauthorized, "{\"errors\":[{\"message\":\"The provided authorization grant is invalid, expired, or revoked\"}]}");
        var kms = new FakeKeyManagementService();
        var env = TestFunction.Environment(("SendGrid__ApiKey", ApiKey), ("SendGrid__BaseUrl", sendGrid.BaseUrl.ToString()));
        var useSmtp = false;
        var evt = Events.Create("CustomEmailSender_SignUp", ciphertexts.SignUp, "jane.doe@example.com");
        switch (failure)
        {
            case "smtp-down":
                useSmtp = true;
                env["Smtp__Host"] = "127.0.0.1";
                env["Smtp__Port"] = PeerProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture); // nothing listens there
                env["Smtp__UseTls"] = "None";
                evt = Events.Create("CustomEmailSender_AdminCreateUser", ciphertexts.AdminCreateUser, "jane.doe@example.com");
                break;
            case "kms-access-denied":
                kms.DenyDecrypt = true;
                break;
            case "alias-configured":
                env["EmailSender__KmsKeyArn"] = "alias/cognito-custom-sender";
                break;
            case "context-pool-mismatch":
                evt = Events.Create("CustomEmailSender_SignUp", ciphertexts.OtherPool, "jane.doe@example.com");
                break;
            case "base64-garbage":
                evt = Events.Create("CustomEmailSender_SignUp", "%%% not base64 %%%", "jane.doe@example.com");
                break;
            case "unknown-trigger-source":
                evt["triggerSource"] = "CustomEmailSender_Unheard";
                break;
            case "null-code":
                evt = Events.Create("CustomEmailSender_ForgotPassword", null, "jane.doe@example.com");
                break;
        }

        var function = TestFunction.Create(env, (services, configuration) =>
        {
            services.AddLogging(logging => logging.AddFakeLogging());
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(kms);
            if (useSmtp)
            {
                services.AddSmtpMailer(configuration.GetSection("Smtp"));
            }
            else
            {
                services.AddSendGridMailer(configuration.GetSection("SendGrid"));
            }
        });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => function.HandleAsync(Events.Stream(evt)));

        switch (failure)
        {
            case "smtp-down":
                var smtp = Assert.IsType<EmailDeliveryException>(ex);
                Assert.Equal("Smtp", smtp.Mailer);
                Assert.Contains("could not be reached", ex.Message, StringComparison.Ordinal);
                break;
            case "sendgrid-401":
                var sendGridError = Assert.IsType<EmailDeliveryException>(ex);
                Assert.Equal(401, sendGridError.StatusCode);
                Assert.Contains("401", ex.Message, StringComparison.Ordinal);
                Assert.Contains("authorization grant is invalid", ex.Message, StringComparison.Ordinal);
                break;
            case "kms-access-denied":
                Assert.IsType<CodeDecryptionException>(ex);
                Assert.Contains("kms:Decrypt", ex.Message, StringComparison.Ordinal);
                Assert.Contains($"role '{FakeKeyManagementService.RoleName}'", ex.Message, StringComparison.Ordinal);
                Assert.Empty(sendGrid.Requests);
                break;
            case "alias-configured":
                Assert.IsType<OptionsValidationException>(ex);
                Assert.Contains("alias", ex.Message, StringComparison.Ordinal);
                Assert.Contains("key ARN", ex.Message, StringComparison.Ordinal);
                Assert.Equal(0, kms.DecryptCalls);
                break;
            case "context-pool-mismatch":
                Assert.IsType<CodeDecryptionException>(ex);
                Assert.Contains($"not encrypted for user pool '{Events.UserPoolId}'", ex.Message, StringComparison.Ordinal);
                Assert.Empty(sendGrid.Requests);
                break;
            case "base64-garbage":
                Assert.IsType<CodeDecryptionException>(ex);
                Assert.Contains("not base64", ex.Message, StringComparison.Ordinal);
                Assert.Equal(0, kms.DecryptCalls);
                break;
            case "unknown-trigger-source":
                Assert.Equal("triggerSource", Assert.IsType<CustomEmailSenderEventException>(ex).Field);
                Assert.Contains("CustomEmailSender_Unheard", ex.Message, StringComparison.Ordinal);
                Assert.Equal(0, kms.DecryptCalls);
                break;
            case "null-code":
                Assert.Equal("request.code", Assert.IsType<CustomEmailSenderEventException>(ex).Field);
                break;
        }

        // Nothing secret in the exception, the JSON lines on stdout or any log record.
        var captured = new List<string> { ex.ToString(), function.Stdout.ToString() };
        if (failure != "alias-configured")
        {
            var records = function.Services.GetFakeLogCollector().GetSnapshot();
            Assert.NotEmpty(records);
            captured.AddRange(records.Select(r => r.Message + " " + string.Join(' ', r.StructuredState?.Select(s => s.Value) ?? [])));
            Assert.Contains(records, r => r.Level == LogLevel.Error && r.Id.Id == 6001);
        }

        foreach (var text in captured)
        {
            Assert.DoesNotContain(Code, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TemporaryPassword, text, StringComparison.Ordinal);
            Assert.DoesNotContain("x7!Q", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        }
    }

    /// <summary>The codes for the table, encrypted once by the JS Encryption SDK.</summary>
    public sealed class Ciphertexts : IAsyncLifetime
    {
        public string SignUp { get; private set; } = string.Empty;

        public string AdminCreateUser { get; private set; } = string.Empty;

        public string OtherPool { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            var result = await JsEncryptionSdk.EncryptAsync(
                new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, Code, Events.UserPoolId),
                new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, TemporaryPassword, Events.UserPoolId),
                new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, Code, "eu-west-1_OtherPool"));
            (SignUp, AdminCreateUser, OtherPool) = (result[0], result[1], result[2]);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
