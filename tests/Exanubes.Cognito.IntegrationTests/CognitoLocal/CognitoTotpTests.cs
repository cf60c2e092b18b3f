using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>
/// TOTP setup and MFA preference through <see cref="ICognitoAuthService"/> against a real cognito-local. cognito-local
/// 5.3.0 supports AssociateSoftwareToken / VerifySoftwareToken only with an access token (not the MFA_SETUP session
/// path, which it never issues), SetUserMFAPreference for SMS and TOTP, and the SOFTWARE_TOKEN_MFA sign-in step. The
/// MFA_SETUP session path is proven by the fake-handler tests and the JS SDK wire comparison.
/// </summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoTotpTests(CognitoLocalFixture cognito)
{
    private const string Password = "Correct-Horse-1";

    [Fact]
    public async Task TotpSetup_AccessToken_VerifyPreferThenSignInWithCode()
    {
        var pool = await cognito.CreatePoolAsync(withSecret: true);
        await cognito.CallAsync("SetUserPoolMfaConfig", new JsonObject
        {
            ["UserPoolId"] = pool.UserPoolId,
            ["MfaConfiguration"] = "OPTIONAL",
            ["SoftwareTokenMfaConfiguration"] = new JsonObject { ["Enabled"] = true },
        });
        await using var provider = CognitoLocalServices.Build(cognito, pool);
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var username = "totp-" + Guid.NewGuid().ToString("N")[..8];
        (await auth.SignUpAsync(new CognitoSignUpRequest
        {
            Username = username,
            Password = Password,
            Attributes = new Dictionary<string, string> { ["email"] = username + "@example.com" },
        })).EnsureSuccess();
        (await auth.ConfirmSignUpAsync(username, cognito.StoredCode(pool.UserPoolId, username))).EnsureSuccess();
        var accessToken = (await auth.SignInAsync(username, Password)).EnsureSuccess().Tokens!.AccessToken;
        var secrets = new List<string> { Password, pool.ClientSecret!, accessToken };

        // TOTP cannot be enabled before it was verified.
        var early = await auth.SetMfaPreferenceAsync(accessToken, new CognitoMfaPreference { Preferred = CognitoMfaMethod.Totp });
        AssertError(CognitoErrorCode.InvalidParameter, early.Error);

        var setup = (await auth.BeginTotpSetupAsync(accessToken)).EnsureSuccess();
        Assert.Null(setup.Challenge);
        Assert.Matches("^[A-Z2-7]{16,}=*$", setup.SecretCode);

        var wrongCode = TotpCode.Wrong(setup.SecretCode, DateTimeOffset.UtcNow);
        var wrong = await auth.CompleteTotpSetupAsync(accessToken, wrongCode, "Phone");
        AssertError(CognitoErrorCode.CodeMismatch, wrong.Error);
        var firstCode = TotpCode.At(setup.SecretCode, DateTimeOffset.UtcNow);
        (await auth.CompleteTotpSetupAsync(accessToken, firstCode, "Phone")).EnsureSuccess();
        secrets.AddRange([setup.SecretCode, firstCode, wrongCode]);
        (await auth.SetMfaPreferenceAsync(accessToken, new CognitoMfaPreference { Preferred = CognitoMfaMethod.Totp })).EnsureSuccess();

        var signIn = (await auth.SignInAsync(username, Password)).EnsureSuccess();
        Assert.False(signIn.IsSignedIn);
        var step = signIn.NextStep!;
        Assert.Equal(CognitoChallengeName.SoftwareTokenMfa, step.ChallengeName);
        Assert.Equal("Phone", step.Parameters.GetValueOrDefault("FRIENDLY_DEVICE_NAME"));
        var mismatch = await auth.RespondToChallengeAsync(step, CognitoChallengeResponse.MfaCode(TotpCode.Wrong(setup.SecretCode, DateTimeOffset.UtcNow)));
        AssertError(CognitoErrorCode.CodeMismatch, mismatch.Error);

        step = (await auth.SignInAsync(username, Password)).EnsureSuccess().NextStep!;
        var done = (await auth.RespondToChallengeAsync(step, CognitoChallengeResponse.MfaCode(TotpCode.At(setup.SecretCode, DateTimeOffset.UtcNow)))).EnsureSuccess();
        Assert.True(done.IsSignedIn);

        // Turning TOTP off again lets the password alone sign in (the pool's MFA is optional).
        (await auth.SetMfaPreferenceAsync(done.Tokens!.AccessToken, new CognitoMfaPreference { TotpEnabled = false })).EnsureSuccess();
        Assert.True((await auth.SignInAsync(username, Password)).EnsureSuccess().IsSignedIn);

        // Every log line (down to Trace, HttpClient included) is free of the TOTP secret, codes, tokens and sessions.
        secrets.AddRange([done.Tokens.AccessToken, done.Tokens.RefreshToken!, step.Session!]);
        var records = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("AssociateSoftwareToken", StringComparison.Ordinal));
        foreach (var record in records)
        {
            var text = string.Join("\n", new[] { record.Message, record.Exception?.ToString() ?? string.Empty }
                .Concat((record.StructuredState ?? []).Select(kv => kv.Key + "=" + kv.Value)));
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"log record {record.Id} leaks a secret: {record.Message}");
            }
        }
    }

    [Fact]
    public void TotpCode_Rfc6238Vector_MatchesPublishedValue()
    {
        // RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (base32 below) at T = 59 s: 94287082 (8 digits) -> 287082.
        Assert.Equal("287082", TotpCode.At("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    private static void AssertError(CognitoErrorCode expected, CognitoError? actual)
    {
        Assert.True(actual is not null, $"expected {expected}, got success");
        Assert.True(expected == actual.Code, $"expected {expected}, got {actual}");
    }
}
