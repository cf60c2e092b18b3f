using System.Net;
using Exanubes.Cognito.EmailSender.IntegrationTests.Support;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Function;

/// <summary>
/// End to end with real parts: codes encrypted by the official JS Encryption SDK, decrypted by our reader (KMS answered
/// by the fake at the IAmazonKeyManagementService boundary), rendered and delivered over SMTP (MailKit) to a real maildev.
/// </summary>
public class CustomEmailSenderFunctionSmtpTests(MaildevFixture maildev) : IClassFixture<MaildevFixture>
{
    public static IEnumerable<object[]> Cases =>
    [
        [JsEncryptionSdk.CognitoV1, "CustomEmailSender_SignUp", "482913", "Verify your email address"],
        [JsEncryptionSdk.CognitoV1, "CustomEmailSender_ForgotPassword", "775120", "Reset your password"],
        [JsEncryptionSdk.CognitoV1, "CustomEmailSender_AdminCreateUser", "Tq<&\"'>9z!", "Your new account"],
        [JsEncryptionSdk.CognitoV1, "CustomEmailSender_Authentication", "31415926", "Your sign-in code"],
        [JsEncryptionSdk.V2, "CustomEmailSender_SignUp", "600613", "Verify your email address"],
        [JsEncryptionSdk.V2, "CustomEmailSender_VerifyUserAttribute", "271828", "Verify your email address"],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HandleAsync_JsEncryptedCode_ArrivesInMaildevWithTheCodeInBothParts(string format, string triggerSource, string code, string subject)
    {
        var recipient = $"user-{Guid.NewGuid():N}@example.com";
        var ciphertext = (await JsEncryptionSdk.EncryptAsync(new JsEncryptionSdk.Job(format, code, Events.UserPoolId)))[0];
        Assert.StartsWith(format == JsEncryptionSdk.CognitoV1 ? "AYADe" : "AgV4", ciphertext, StringComparison.Ordinal);
        var function = SmtpFunction();

        await function.HandleAsync(Events.Stream(Events.Create(triggerSource, ciphertext, recipient)));

        var email = await maildev.WaitForEmailAsync(recipient);
        Assert.Equal(subject, email.GetProperty("subject").GetString());
        Assert.Equal("no-reply@example.com", email.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Contains(code, email.GetProperty("text").GetString(), StringComparison.Ordinal);
        var html = email.GetProperty("html").GetString()!;
        Assert.Contains(WebUtility.HtmlEncode(code).Replace("&#39;", "&#x27;", StringComparison.Ordinal), html, StringComparison.Ordinal);
        Assert.DoesNotContain(code, function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_CognitoLocalCode_IsRefusedByDefaultAndDeliveredWhenAllowed()
    {
        var recipient = $"local-{Guid.NewGuid():N}@example.com";
        var ciphertext = (await JsEncryptionSdk.EncryptAsync(new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoLocal, "909090")))[0];
        var evt = Events.Create("CustomEmailSender_SignUp", ciphertext, recipient);

        var strict = SmtpFunction();
        var ex = await Assert.ThrowsAsync<CodeDecryptionException>(() => strict.HandleAsync(Events.Stream(evt)));
        Assert.Contains("AllowMissingUserPoolContext", ex.Message, StringComparison.Ordinal);

        var relaxed = SmtpFunction(("EmailSender__AllowMissingUserPoolContext", "true"));
        await relaxed.HandleAsync(Events.Stream(evt));

        var email = await maildev.WaitForEmailAsync(recipient);
        Assert.Contains("909090", email.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("https://app.example.com/verify?code=909090&amp;username=jane.doe", email.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    private TestFunction SmtpFunction(params (string Key, string? Value)[] extra)
    {
        var env = TestFunction.Environment(
            [("Smtp__Host", "127.0.0.1"), ("Smtp__Port", maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Smtp__UseTls", "None"), .. extra]);
        return TestFunction.Create(env, (services, configuration) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            services.AddSmtpMailer(configuration.GetSection("Smtp"));
        });
    }
}
