using System.Text.Json.Nodes;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.SmsSender.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.SmsSender.Tests.Docs;

/// <summary>
/// The root README's quick start 3b (the Custom SMS Sender subclass), compiled here as written and run through the real
/// pipeline with the fake KMS: the German template it registers is chosen for a <c>de-AT</c> event, and it is one GSM-7
/// segment (ä is in the GSM-7 alphabet).
/// </summary>
public sealed class ReadmeSnippetsTests
{
    [Fact]
    public async Task ReadmeSmsFunction_GermanLocale_SendsTheReadmeTemplateInOneSegment()
    {
        var provider = new CapturingSmsProvider();
        var function = ReadmeFunctionWith(provider);
        var evt = SmsEvents.Node("SignUp");
        evt["request"]!["clientMetadata"] = new JsonObject { ["locale"] = "de-AT" };

        await function.HandleAsync(SmsEvents.Stream(evt));

        var sms = Assert.Single(provider.Sent);
        Assert.Equal("Ihr Bestätigungscode: 123456", sms.Body);
        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 28, 1), sms.Segments);
    }

    [Fact]
    public async Task ReadmeSmsFunction_OtherLocale_SendsTheBuiltInText()
    {
        var provider = new CapturingSmsProvider();

        await ReadmeFunctionWith(provider).HandleAsync(new MemoryStream(SmsEvents.Bytes("SignUp")));

        Assert.Equal("Your verification code is 123456", Assert.Single(provider.Sent).Body);
    }

    /// <summary>The README's <c>ConfigureServices</c>, behind the test environment, the fake KMS and a capturing provider (registered first, so it wins).</summary>
    private static TestSmsFunction ReadmeFunctionWith(CapturingSmsProvider provider) => TestSmsFunction.Create(
        TestSmsFunction.Environment(("Sns__Region", "eu-west-1")),
        (services, configuration) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            services.AddSingleton<ISmsProvider>(provider);
            SmsFunction.Configure(services, configuration);
        });

    /// <summary>README quick start 3b, as written (the body is shared with the test through <see cref="Configure"/>).</summary>
    internal sealed class SmsFunction : CustomSmsSenderFunction
    {
        internal static void Configure(IServiceCollection services, IConfiguration configuration)
        {
            services.AddSnsSmsProvider(configuration.GetSection("Sns"));   // or AddDevelopmentSmsProvider("/tmp/sms-inbox.jsonl")

            // Optional: replace a built-in text per trigger source and locale (Liquid; GSM-7 and at most 160 characters fit one segment).
            services.AddSmsTemplate(new SmsTemplate
            {
                TriggerSource = "CustomSMSSender_SignUp",
                Locale = "de",
                Body = "Ihr Bestätigungscode: {{ code }}",
            });
        }

        protected override void ConfigureServices(IServiceCollection services, IConfiguration configuration) => Configure(services, configuration);
    }
}
