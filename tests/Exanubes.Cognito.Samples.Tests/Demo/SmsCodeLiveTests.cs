using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.Samples.Tests.Demo;

/// <summary>
/// USER_AUTH SMS_OTP live: <see cref="ICognitoPasswordless"/> starts the sign-in → the local Cognito invokes the
/// CustomSMSSender trigger (<c>CustomSMSSender_Authentication</c>) with the code encrypted through the KMS stand-in →
/// the Lambda host runs our <c>CustomSmsSenderFunction</c> (strict decryption, its default template) → the development
/// sink's SMS inbox file. The code read there signs the user in, once.
/// </summary>
[Collection(DemoStackCollection.Name)]
public sealed partial class SmsCodeLiveTests(DemoStackFixture fixture)
{
    [Fact]
    public async Task SignIn_SmsOtp_CodeFromTheSmsInboxSignsInOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(fixture.Stack.DemoSettings()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCognitoAuth(configuration.GetSection("Cognito"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var passwordless = provider.GetRequiredService<ICognitoPasswordless>();
        var cognito = provider.GetRequiredService<ICognitoAuthService>();

        var email = DemoStackFixture.NewEmail("sms-otp");
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signUp = (await cognito.SignUpAsync(new CognitoSignUpRequest
        {
            Username = email,
            Password = DemoStackFixture.Password,
            Attributes = new Dictionary<string, string> { ["email"] = email, ["phone_number"] = phone },
        })).EnsureSuccess();

        // The pool verifies phone numbers by SMS: the sign-up code arrives in the SMS inbox too.
        var confirmation = Code().Match(await WaitForSmsAsync(phone, "CustomSMSSender_SignUp"));
        Assert.True(confirmation.Success);
        (await cognito.ConfirmSignUpAsync(signUp.UserSub, confirmation.Value)).EnsureSuccess();

        var step = (await passwordless.SignInAsync(new CognitoUserAuthRequest(email) { PreferredFirstFactor = CognitoFirstFactor.SmsOtp })).EnsureSuccess().NextStep!;
        Assert.Equal(CognitoChallengeName.SmsOtp, step.ChallengeName);
        Assert.Equal("SMS", step.CodeDelivery?.DeliveryMedium);
        Assert.EndsWith(phone[^4..], step.CodeDelivery?.Destination, StringComparison.Ordinal);

        var body = await WaitForSmsAsync(phone, "CustomSMSSender_Authentication");
        var code = Code().Match(body);
        Assert.True(code.Success, $"no code in '{body}'");
        Assert.Equal($"Your sign-in code is {code.Value}", body);

        var signedIn = (await cognito.RespondToChallengeAsync(step, CognitoChallengeResponse.MfaCode(code.Value))).EnsureSuccess();
        Assert.True(signedIn.IsSignedIn);
        var reused = await cognito.RespondToChallengeAsync(step, CognitoChallengeResponse.MfaCode(code.Value));
        Assert.Equal(CognitoErrorCode.NotAuthorized, reused.Error?.Code);
        fixture.AssertLogsHoldNone(code.Value);
    }

    private async Task<string> WaitForSmsAsync(string phone, string source)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (File.Exists(fixture.Stack.SmsInboxPath))
            {
                foreach (var line in File.ReadAllLines(fixture.Stack.SmsInboxPath).Reverse())
                {
                    using var json = JsonDocument.Parse(line);
                    if (json.RootElement.GetProperty("phoneNumber").GetString() == phone && json.RootElement.GetProperty("triggerSource").GetString() == source)
                    {
                        return json.RootElement.GetProperty("body").GetString()!;
                    }
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No {source} SMS to {phone} reached {fixture.Stack.SmsInboxPath}.\n{fixture.Diagnostics()}");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex Code();
}
