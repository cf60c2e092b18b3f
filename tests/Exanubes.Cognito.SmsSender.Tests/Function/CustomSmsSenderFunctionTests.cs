using System.Text.Json.Nodes;
using Exanubes.Cognito.Lambda;
using Exanubes.Cognito.SmsSender.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SmsSender.Tests.Function;

/// <summary>The SMS function end to end over the shared pipeline pieces: the fake KMS decrypts the JS ESDK ciphertexts.</summary>
public sealed class CustomSmsSenderFunctionTests
{
    [Theory]
    [MemberData(nameof(SmsEvents.Names), MemberType = typeof(SmsEvents))]
    public async Task HandleAsync_EachSource_SendsTheDecryptedCodeToThePhoneNumber(string name)
    {
        var provider = new CapturingSmsProvider();
        var function = TestSmsFunction.WithProvider(provider);

        var response = await function.HandleAsync(new MemoryStream(SmsEvents.Bytes(name)));

        Assert.Equal("{}", await new StreamReader(response).ReadToEndAsync());
        var sms = Assert.Single(provider.Sent);
        Assert.Equal(SmsEvents.Phone, sms.PhoneNumber);
        Assert.Equal("CustomSMSSender_" + name, sms.TriggerSource);
        Assert.Contains(SmsEvents.Codes[name], sms.Body, StringComparison.Ordinal);
        var log = function.Stdout.ToString();
        Assert.Contains("\"eventName\":\"SmsEventHandled\"", log, StringComparison.Ordinal);
        Assert.Contains("\"Outcome\":\"Sent\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain(SmsEvents.Codes[name], log, StringComparison.Ordinal);
        Assert.DoesNotContain(SmsEvents.Phone, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_AdminCreateUser_DefaultTextCarriesUsernameAndTemporaryPassword()
    {
        var provider = new CapturingSmsProvider();

        await TestSmsFunction.WithProvider(provider).HandleAsync(new MemoryStream(SmsEvents.Bytes("AdminCreateUser")));

        Assert.Equal("Your username is jane.doe and your temporary password is Tmp<&\"'>Pw1!", Assert.Single(provider.Sent).Body);
    }

    [Fact]
    public async Task HandleAsync_LocaleTemplates_PickTheLocaleFromClientMetadataThenTheAttribute()
    {
        var provider = new CapturingSmsProvider();
        var function = TestSmsFunction.WithProvider(provider, services => services
            .AddSmsTemplate(new SmsTemplate { TriggerSource = CustomSmsSenderEvent.SignUp, Locale = "de", Body = "Ihr Code: {{ code }}" })
            .AddSmsTemplate(new SmsTemplate { TriggerSource = CustomSmsSenderEvent.SignUp, Locale = "fr-CA", Body = "Votre code : {{ code }}" }));
        var german = SmsEvents.Node("SignUp");
        german["request"]!["clientMetadata"] = new JsonObject { ["locale"] = "de-AT" };
        var french = SmsEvents.Node("ResendCode");
        french["triggerSource"] = CustomSmsSenderEvent.SignUp;
        french["request"]!["clientMetadata"] = new JsonObject();
        french["request"]!["userAttributes"]!["locale"] = "fr-CA";

        await function.HandleAsync(SmsEvents.Stream(german));
        await function.HandleAsync(SmsEvents.Stream(french));

        Assert.Equal(["Ihr Code: 123456", "Votre code : 654321"], provider.Sent.Select(s => s.Body));
    }

    [Fact]
    public async Task HandleAsync_ClientMetadataAllowList_HidesOtherKeys()
    {
        var provider = new CapturingSmsProvider();
        var function = TestSmsFunction.WithProvider(provider, services => services
            .AddSmsTemplate(new SmsTemplate { TriggerSource = CustomSmsSenderEvent.SignUp, Body = "{{ code }} [{{ client_metadata.app }}][{{ client_metadata.secret }}]" })
            .ConfigureSmsTemplates(o => o.ClientMetadataKeys = ["app"]));
        var node = SmsEvents.Node("SignUp");
        node["request"]!["clientMetadata"] = new JsonObject { ["app"] = "demo", ["secret"] = "do-not-show" };

        await function.HandleAsync(SmsEvents.Stream(node));

        Assert.Equal("123456 [demo][]", Assert.Single(provider.Sent).Body);
    }

    [Fact]
    public async Task HandleAsync_TextNeedsSeveralSegments_LogsAWarningWithoutTheText()
    {
        var provider = new CapturingSmsProvider();
        var function = TestSmsFunction.WithProvider(provider, services => services
            .AddSmsTemplate(new SmsTemplate { TriggerSource = CustomSmsSenderEvent.SignUp, Body = "Ваш код подтверждения: {{ code }}. Никому его не сообщайте, даже сотрудникам службы поддержки." }));

        await function.HandleAsync(new MemoryStream(SmsEvents.Bytes("SignUp")));

        var sms = Assert.Single(provider.Sent);
        Assert.Equal(SmsEncoding.Ucs2, sms.Segments.Encoding);
        Assert.Equal(2, sms.Segments.Parts);
        var log = function.Stdout.ToString();
        Assert.Contains("\"eventName\":\"SmsNeedsSeveralSegments\"", log, StringComparison.Ordinal);
        Assert.Contains("\"Parts\":2", log, StringComparison.Ordinal);
        Assert.Contains("\"Encoding\":\"UCS-2\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_DefaultText_FitsOneSegmentAndLogsNoWarning()
    {
        var provider = new CapturingSmsProvider();
        var function = TestSmsFunction.WithProvider(provider);

        await function.HandleAsync(new MemoryStream(SmsEvents.Bytes("SignUp")));

        Assert.Equal(1, Assert.Single(provider.Sent).Segments.Parts);
        Assert.DoesNotContain("SmsNeedsSeveralSegments", function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_FiftyConcurrentDeliveriesOfOneEvent_SendsOnce()
    {
        var provider = new CapturingSmsProvider { Delay = TimeSpan.FromMilliseconds(50) };
        var function = TestSmsFunction.WithProvider(provider);
        var bytes = SmsEvents.Bytes("SignUp");

        var deliveries = Enumerable.Range(0, 50).Select(_ => Task.Run(() => function.HandleAsync(new MemoryStream(bytes)))).ToArray();
        var results = await Task.WhenAll(deliveries.Select(async d =>
        {
            try
            {
                await d;
                return "ok";
            }
            catch (SmsSendInProgressException)
            {
                return "in-progress";
            }
        }));

        Assert.Single(provider.Sent);
        Assert.Equal(50, results.Length);
        await function.HandleAsync(new MemoryStream(bytes));
        Assert.Single(provider.Sent);
        Assert.Contains("\"Outcome\":\"Duplicate\"", function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ProviderFails_ReleasesTheLeaseSoTheRetrySends()
    {
        var provider = new CapturingSmsProvider { Fail = _ => new SmsDeliveryException("Test", 503, "provider down") };
        var function = TestSmsFunction.WithProvider(provider);
        var bytes = SmsEvents.Bytes("ForgotPassword");

        await Assert.ThrowsAsync<SmsDeliveryException>(() => function.HandleAsync(new MemoryStream(bytes)));
        provider.Fail = null;
        await function.HandleAsync(new MemoryStream(bytes));

        Assert.Single(provider.Sent);
    }

    [Fact]
    public async Task HandleAsync_ProviderQuotesTheCode_ErrorIsRedacted()
    {
        var provider = new CapturingSmsProvider { Fail = m => new InvalidOperationException($"rejected body '{m.Body}'") };
        var function = TestSmsFunction.WithProvider(provider);

        var ex = await Assert.ThrowsAsync<SmsDeliveryException>(() => function.HandleAsync(new MemoryStream(SmsEvents.Bytes("SignUp"))));

        Assert.DoesNotContain("123456", ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
        Assert.DoesNotContain("123456", function.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("0555 555 0123", "not an E.164")]
    public async Task HandleAsync_NoUsablePhoneNumber_FailsNamingTheAttribute(string? phone, string expected)
    {
        var provider = new CapturingSmsProvider();
        var node = SmsEvents.Node("SignUp", phone);

        var ex = await Assert.ThrowsAsync<CognitoTriggerEventException>(() => TestSmsFunction.WithProvider(provider).HandleAsync(SmsEvents.Stream(node)));

        Assert.Equal("request.userAttributes.phone_number", ex.Field);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Empty(provider.Sent);
    }

    [Fact]
    public async Task HandleAsync_EventFromAnotherPool_IsRefusedBeforeDecryption()
    {
        var node = SmsEvents.Node("SignUp");
        node["userPoolId"] = "eu-west-1_OtherPool9";

        var ex = await Assert.ThrowsAsync<CognitoTriggerEventException>(() => TestSmsFunction.WithProvider(new CapturingSmsProvider()).HandleAsync(SmsEvents.Stream(node)));

        Assert.Equal("userPoolId", ex.Field);
        Assert.Contains("SmsSender:UserPoolId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_CodeForAnotherPool_FailsDecryption()
    {
        // The code is bound to eu-west-1_TestPool1 by its encryption context; the event claims another pool.
        var node = SmsEvents.Node("SignUp");
        node["userPoolId"] = "eu-west-1_OtherPool9";
        var function = TestSmsFunction.WithProvider(new CapturingSmsProvider(), null, ("SmsSender__UserPoolId", null));

        var ex = await Assert.ThrowsAsync<SmsCodeDecryptionException>(() => function.HandleAsync(SmsEvents.Stream(node)));

        Assert.Contains("eu-west-1_OtherPool9", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SmsSender__KmsKeyArn", null, "SmsSender:KmsKeyArn")]
    [InlineData("SmsSender__KmsKeyArn", "alias/cognito", "SmsSender:KmsKeyArn is a KMS alias")]
    [InlineData("SmsSender__UserPoolId", "nope", "SmsSender:UserPoolId")]
    public async Task HandleAsync_BadSetting_FailsNamingIt(string key, string? value, string expected)
    {
        var function = TestSmsFunction.WithProvider(new CapturingSmsProvider(), null, (key, value));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => function.HandleAsync(new MemoryStream(SmsEvents.Bytes("SignUp"))));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NoProvider_FailsNamingTheRegistrations()
    {
        var function = TestSmsFunction.Create(TestSmsFunction.Environment(), (_, _) => { });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => function.HandleAsync(new MemoryStream(SmsEvents.Bytes("SignUp"))));

        Assert.Contains("AddSnsSmsProvider", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDevelopmentSmsProvider_WritesTheInboxLine()
    {
        var inbox = Path.Combine(Path.GetTempPath(), $"sms-inbox-{Guid.NewGuid():N}", "inbox.jsonl");
        var function = TestSmsFunction.Create(TestSmsFunction.Environment(), (services, _) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new EmailSender.Tests.Support.FakeKeyManagementService());
            services.AddDevelopmentSmsProvider(inbox);
        });

        await function.HandleAsync(new MemoryStream(SmsEvents.Bytes("Authentication")));

        var line = JsonNode.Parse(Assert.Single(await File.ReadAllLinesAsync(inbox)))!;
        Assert.Equal(SmsEvents.Phone, (string?)line["phoneNumber"]);
        Assert.Equal("Your sign-in code is 98765432", (string?)line["body"]);
        Assert.Equal("CustomSMSSender_Authentication", (string?)line["triggerSource"]);
        Directory.Delete(Path.GetDirectoryName(inbox)!, true);
    }
}
