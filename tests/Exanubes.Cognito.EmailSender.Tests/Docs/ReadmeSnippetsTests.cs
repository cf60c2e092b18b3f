using System.Text.Json.Nodes;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.EmailSender.Tests.Docs;

/// <summary>
/// The root README's quick start 3 (the Custom Email Sender subclass), compiled here as written and run through the
/// real pipeline with the fake KMS: the German sign-up template it registers is chosen for a <c>de-AT</c> event and the
/// built-in email for others.
/// </summary>
public sealed class ReadmeSnippetsTests
{
    [Fact]
    public async Task ReadmeFunction_GermanLocale_SendsTheReadmeTemplate()
    {
        var mailer = new CapturingMailer();
        var function = ReadmeFunctionWith(mailer);
        var evt = Fixtures.Node("SignUp");
        evt["request"]!["clientMetadata"] = new JsonObject { ["locale"] = "de-AT" };

        using var input = new MemoryStream(Fixtures.ToBytes(evt));
        using var _ = await function.HandleAsync(input);

        var message = Assert.Single(mailer.Sent);
        var code = Fixtures.Codes["SignUp"]!;
        Assert.Equal("Ihr Bestätigungscode", message.Subject);
        Assert.Contains($"Ihr Code lautet <b>{code}</b>.", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"Ihr Code lautet {code}. https://app.example.com/verify?code={code}&username=", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadmeFunction_OtherLocale_SendsTheBuiltInEmail()
    {
        var mailer = new CapturingMailer();
        var function = ReadmeFunctionWith(mailer);

        using var input = new MemoryStream(Fixtures.Bytes("SignUp"));
        using var _ = await function.HandleAsync(input);

        Assert.Equal("Verify your email address", Assert.Single(mailer.Sent).Subject);
    }

    /// <summary>The README's <c>ConfigureServices</c>, behind the test environment, the fake KMS and a capturing mailer (registered first, so it wins).</summary>
    private static TestFunction ReadmeFunctionWith(CapturingMailer mailer) => TestFunction.Create(
        TestFunction.Environment(("SendGrid__ApiKey", "SG.unused-in-this-test")),
        (services, configuration) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            services.AddSingleton<IMailer>(mailer);
            Function.Configure(services, configuration);
        });

    /// <summary>README quick start 3, as written (the body is shared with the test through <see cref="Configure"/>).</summary>
    internal sealed class Function : CustomEmailSenderFunction
    {
        internal static void Configure(IServiceCollection services, IConfiguration configuration)
        {
            services.AddSendGridMailer(configuration.GetSection("SendGrid"));   // or AddSmtpMailer / AddDevelopmentMailer

            // Optional: replace a built-in email (Liquid; the most specific client/locale match wins).
            services.AddEmailTemplate(new EmailTemplate
            {
                TriggerSource = CustomEmailSenderTriggerSource.SignUp,
                Locale = "de",
                Subject = "Ihr Bestätigungscode",
                HtmlBody = "<p>Hallo {{ username }}, Ihr Code lautet <b>{{ code }}</b>.</p>{% if link %}<p><a href=\"{{ link | safe_url }}\">Jetzt bestätigen</a></p>{% endif %}",
                TextBody = "Ihr Code lautet {{ code }}. {{ link | safe_url }}",
            });
        }

        protected override void ConfigureServices(IServiceCollection services, IConfiguration configuration) => Configure(services, configuration);
    }
}
