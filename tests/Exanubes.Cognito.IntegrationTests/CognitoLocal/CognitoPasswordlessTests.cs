using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>
/// Choice-based sign-in (USER_AUTH) through <see cref="ICognitoPasswordless"/> and <see cref="ICognitoAuthService"/>
/// against the local Cognito: the email code, the password and SRP first factors, SELECT_CHALLENGE, sign-in right after
/// ConfirmSignUp, and GetUserAuthFactors; each bad input comes back as a typed error.
/// </summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoPasswordlessTests(CognitoLocalFixture cognito)
{
    private const string Password = "Correct-Horse-1";

    [Fact]
    public async Task SignIn_NoPreference_SelectEmailCode_SignsInWithCodeFromTheEmulator()
    {
        var (pool, provider) = await PoolAsync(withSecret: true);
        await using var _ = provider;
        var username = await SignUpConfirmedAsync(provider, pool);
        var passwordless = provider.GetRequiredService<ICognitoPasswordless>();
        var auth = provider.GetRequiredService<ICognitoAuthService>();

        var select = (await passwordless.SignInAsync(new CognitoUserAuthRequest(username))).EnsureSuccess().NextStep!;
        Assert.Equal(CognitoChallengeName.SelectChallenge, select.ChallengeName);
        Assert.Contains("EMAIL_OTP", select.AvailableChallenges);
        Assert.Contains("PASSWORD_SRP", select.AvailableChallenges);

        var otp = (await auth.RespondToChallengeAsync(select, CognitoChallengeResponse.SelectChallenge(CognitoFirstFactor.EmailOtp))).EnsureSuccess().NextStep!;
        Assert.Equal(CognitoChallengeName.EmailOtp, otp.ChallengeName);
        Assert.Equal("EMAIL", otp.CodeDelivery?.DeliveryMedium);
        Assert.StartsWith(username[0] + "***@", otp.CodeDelivery?.Destination, StringComparison.Ordinal);

        var wrong = await auth.RespondToChallengeAsync(otp, CognitoChallengeResponse.MfaCode("00000000"));
        Assert.Equal(CognitoErrorCode.CodeMismatch, wrong.Error?.Code);

        var code = cognito.StoredSignInCode(pool.UserPoolId, username);
        var signedIn = (await auth.RespondToChallengeAsync(otp, CognitoChallengeResponse.MfaCode(code))).EnsureSuccess();
        Assert.True(signedIn.IsSignedIn);
        Assert.Equal(username, signedIn.Tokens!.Username);
        AssertNeverLogged(provider, code, Password, pool.ClientSecret!, signedIn.Tokens.AccessToken, otp.Session!);
    }

    [Fact]
    public async Task SignIn_PreferredEmailCode_CodeAtOnce_UsedCodeRefused()
    {
        var (pool, provider) = await PoolAsync();
        await using var _ = provider;
        var username = await SignUpConfirmedAsync(provider, pool);
        var passwordless = provider.GetRequiredService<ICognitoPasswordless>();
        var auth = provider.GetRequiredService<ICognitoAuthService>();

        var otp = (await passwordless.SignInAsync(new CognitoUserAuthRequest(username) { PreferredFirstFactor = CognitoFirstFactor.EmailOtp }))
            .EnsureSuccess().NextStep!;
        Assert.Equal(CognitoChallengeName.EmailOtp, otp.ChallengeName);
        var code = cognito.StoredSignInCode(pool.UserPoolId, username);
        Assert.True((await auth.RespondToChallengeAsync(otp, CognitoChallengeResponse.MfaCode(code))).EnsureSuccess().IsSignedIn);

        // The session answered once; answering again is a typed NotAuthorized, never an exception.
        var again = await auth.RespondToChallengeAsync(otp, CognitoChallengeResponse.MfaCode(code));
        Assert.Equal(CognitoErrorCode.NotAuthorized, again.Error?.Code);
    }

    [Fact]
    public async Task SignIn_PreferredPasswordSrpAndPassword_SignIn_WrongPasswordNotAuthorized()
    {
        var (pool, provider) = await PoolAsync(withSecret: true);
        await using var _ = provider;
        var username = await SignUpConfirmedAsync(provider, pool);
        var passwordless = provider.GetRequiredService<ICognitoPasswordless>();
        var auth = provider.GetRequiredService<ICognitoAuthService>();

        var srp = await passwordless.SignInAsync(new CognitoUserAuthRequest(username) { PreferredFirstFactor = CognitoFirstFactor.PasswordSrp, Password = Password });
        Assert.True(srp.EnsureSuccess().IsSignedIn);
        var plain = await passwordless.SignInAsync(new CognitoUserAuthRequest(username) { PreferredFirstFactor = CognitoFirstFactor.Password, Password = Password });
        Assert.True(plain.EnsureSuccess().IsSignedIn);

        var wrong = await passwordless.SignInAsync(new CognitoUserAuthRequest(username) { PreferredFirstFactor = CognitoFirstFactor.PasswordSrp, Password = Password + "x" });
        Assert.Equal(CognitoErrorCode.NotAuthorized, wrong.Error?.Code);

        // SELECT_CHALLENGE answered with PASSWORD_SRP: the service sends SRP_A and proves the password itself.
        var select = (await passwordless.SignInAsync(new CognitoUserAuthRequest(username))).EnsureSuccess().NextStep!;
        var selected = await auth.RespondToChallengeAsync(select, CognitoChallengeResponse.PasswordSrp(Password));
        Assert.True(selected.EnsureSuccess().IsSignedIn);
        var select2 = (await passwordless.SignInAsync(new CognitoUserAuthRequest(username))).EnsureSuccess().NextStep!;
        Assert.True((await auth.RespondToChallengeAsync(select2, CognitoChallengeResponse.Password(Password))).EnsureSuccess().IsSignedIn);
        AssertNeverLogged(provider, Password, Password + "x", pool.ClientSecret!);
    }

    [Fact]
    public async Task ConfirmSignUpAndSignIn_SignUpSession_SignsInOnce()
    {
        var (pool, provider) = await PoolAsync(withSecret: true);
        await using var _ = provider;
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var passwordless = provider.GetRequiredService<ICognitoPasswordless>();
        var username = "new-" + Guid.NewGuid().ToString("N")[..8];
        var signUp = (await auth.SignUpAsync(new CognitoSignUpRequest
        {
            Username = username,
            Password = Password,
            Attributes = new Dictionary<string, string> { ["email"] = username + "@example.com" },
        })).EnsureSuccess();
        Assert.False(string.IsNullOrEmpty(signUp.Session));
        var code = cognito.StoredCode(pool.UserPoolId, username);

        var wrong = await passwordless.ConfirmSignUpAndSignInAsync(username, "000000", signUp.Session!);
        Assert.Equal(CognitoErrorCode.CodeMismatch, wrong.Error?.Code);
        var signedIn = (await passwordless.ConfirmSignUpAndSignInAsync(username, code, signUp.Session!)).EnsureSuccess();

        Assert.True(signedIn.IsSignedIn);
        Assert.Equal(username, signedIn.Tokens!.Username);
        var factors = (await passwordless.GetAuthFactorsAsync(signedIn.Tokens.AccessToken)).EnsureSuccess();
        Assert.Equal(username, factors.Username);
        Assert.Contains(CognitoFirstFactor.Password, factors.ConfiguredFirstFactors);
        Assert.Contains(CognitoFirstFactor.EmailOtp, factors.ConfiguredFirstFactors);
        Assert.False(factors.HasPasskey);
        var bad = await passwordless.GetAuthFactorsAsync("not.a.token");
        Assert.Equal(CognitoErrorCode.NotAuthorized, bad.Error?.Code);
    }

    private async Task<(CognitoLocalPool Pool, ServiceProvider Provider)> PoolAsync(bool withSecret = false)
    {
        var poolNode = await cognito.CallAsync("CreateUserPool", new JsonObject
        {
            ["PoolName"] = "ua-" + Guid.NewGuid().ToString("N")[..8],
            ["AutoVerifiedAttributes"] = new JsonArray("email"),
            ["Policies"] = new JsonObject { ["SignInPolicy"] = new JsonObject { ["AllowedFirstAuthFactors"] = new JsonArray("PASSWORD", "EMAIL_OTP") } },
        });
        var poolId = poolNode["UserPool"]!["Id"]!.GetValue<string>();
        var client = (await cognito.CallAsync("CreateUserPoolClient", new JsonObject
        {
            ["UserPoolId"] = poolId,
            ["ClientName"] = "app",
            ["GenerateSecret"] = withSecret,
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        }))["UserPoolClient"]!;
        var pool = new CognitoLocalPool(poolId, client["ClientId"]!.GetValue<string>(), client["ClientSecret"]?.GetValue<string>());
        return (pool, CognitoLocalServices.Build(cognito, pool));
    }

    private async Task<string> SignUpConfirmedAsync(ServiceProvider provider, CognitoLocalPool pool)
    {
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var username = "u" + Guid.NewGuid().ToString("N")[..8];
        (await auth.SignUpAsync(new CognitoSignUpRequest
        {
            Username = username,
            Password = Password,
            Attributes = new Dictionary<string, string> { ["email"] = username + "@example.com" },
        })).EnsureSuccess();
        (await auth.ConfirmSignUpAsync(username, cognito.StoredCode(pool.UserPoolId, username))).EnsureSuccess();
        return username;
    }

    private static void AssertNeverLogged(ServiceProvider provider, params string[] secrets)
    {
        var records = provider.GetFakeLogCollector().GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var text = record.Message + " " + record.Exception;
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
