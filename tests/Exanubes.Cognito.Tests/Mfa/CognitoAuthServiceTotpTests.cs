using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Auth;
using Exanubes.Cognito.Tests.IdentityProvider;

namespace Exanubes.Cognito.Tests.Mfa;

/// <summary>TOTP setup and MFA preferences of <see cref="CognitoAuthService"/> over a fake Cognito.</summary>
public sealed class CognitoAuthServiceTotpTests
{
    private const string Secret = "examplesecret0123456789abcdefghijklmnopqrstuvwxyz01";
    private const string Sub = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private const string TotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    [Fact]
    public async Task MfaSetupSignIn_AssociateVerifyRespond_ReturnsTokens()
    {
        // Cognito's MFA_SETUP path: InitiateAuth -> MFA_SETUP, AssociateSoftwareToken(Session) -> secret + new session,
        // VerifySoftwareToken(Session, code) -> SUCCESS + newer session, RespondToAuthChallenge(MFA_SETUP, that session).
        await using var host = WireTestHost.Create(
            r => r.Action switch
            {
                "InitiateAuth" => FakeCognitoHandler.Fixture("InitiateAuth.MfaSetup.json"),
                "AssociateSoftwareToken" => FakeCognitoHandler.Fixture("AssociateSoftwareToken.json"),
                "VerifySoftwareToken" => FakeCognitoHandler.Fixture("VerifySoftwareToken.json"),
                "RespondToAuthChallenge" => FakeCognitoHandler.Fixture("InitiateAuth.Tokens.json"),
                _ => throw new InvalidOperationException("unexpected " + r.Action),
            },
            o => o.ClientSecret = Secret);

        var signIn = (await host.Auth.SignInAsync("testuser@example.com", "Passw0rd!")).EnsureSuccess();
        Assert.Equal(CognitoChallengeName.MfaSetup, signIn.NextStep?.ChallengeName);

        var setup = (await host.Auth.BeginTotpSetupForSignInAsync(signIn.NextStep!)).EnsureSuccess();
        Assert.Equal(TotpSecret, setup.SecretCode);
        Assert.Equal("AYABeEXAMPLEsessionAfterAssociate", setup.Challenge?.Session);
        Assert.Equal(Sub, setup.Challenge?.Username);

        var verified = (await host.Auth.CompleteTotpSetupForSignInAsync(setup.Challenge!, "123456", "Phone")).EnsureSuccess();
        Assert.Equal(CognitoChallengeName.MfaSetup, verified.ChallengeName);
        Assert.Equal("AYABeEXAMPLEsessionAfterVerify", verified.Session);

        var done = (await host.Auth.RespondToChallengeAsync(verified, CognitoChallengeResponse.MfaSetup())).EnsureSuccess();

        Assert.True(done.IsSignedIn);
        Assert.Equal(Sub, done.Tokens?.Username);
        var requests = host.Handler.Requests;
        Assert.Equal(["InitiateAuth", "AssociateSoftwareToken", "VerifySoftwareToken", "RespondToAuthChallenge"], requests.Select(r => r.Action));
        AssertJson("""{"Session":"AYABeEXAMPLEsessionMFA_SETUP"}""", requests[1].Json);
        AssertJson("""{"UserCode":"123456","Session":"AYABeEXAMPLEsessionAfterAssociate","FriendlyDeviceName":"Phone"}""", requests[2].Json);
        AssertJson(
            $$$"""{"ClientId":"{{{WireTestHost.ClientId}}}","ChallengeName":"MFA_SETUP","Session":"AYABeEXAMPLEsessionAfterVerify","ChallengeResponses":{"USERNAME":"{{{Sub}}}","SECRET_HASH":"{{{ExpectedSecretHash(Sub)}}}"}}""",
            requests[3].Json);
    }

    [Fact]
    public async Task MfaSetupSignIn_Logs_HoldNoSecretCodeOrSession()
    {
        await using var host = WireTestHost.Create(
            r => r.Action switch
            {
                "AssociateSoftwareToken" => FakeCognitoHandler.Fixture("AssociateSoftwareToken.json"),
                _ => FakeCognitoHandler.Fixture("VerifySoftwareToken.StatusError.json"),
            });
        var challenge = MfaSetupChallenge();

        var setup = (await host.Auth.BeginTotpSetupForSignInAsync(challenge)).EnsureSuccess();
        var verified = await host.Auth.CompleteTotpSetupForSignInAsync(setup.Challenge!, "987654");

        Assert.False(verified.Succeeded);
        var logs = string.Join("\n", host.Logs.GetSnapshot().Select(r => r.Message + " " + string.Join(",", (r.StructuredState ?? []).Select(kv => kv.Value))));
        Assert.Contains("VerifySoftwareToken", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { TotpSecret, "987654", "AYABeEXAMPLEsession" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CompleteTotpSetup_StatusError_IsEnableSoftwareTokenMfaFailure()
    {
        await using var host = WireTestHost.Create("VerifySoftwareToken.StatusError.json");

        var result = await host.Auth.CompleteTotpSetupAsync("at", "000000");

        Assert.False(result.Succeeded);
        Assert.Equal(CognitoErrorCode.EnableSoftwareTokenMfa, result.Error.Code);
        AssertJson("""{"UserCode":"000000","AccessToken":"at"}""", Assert.Single(host.Handler.Requests).Json);
    }

    [Theory]
    [InlineData("Error.CodeMismatch.json", CognitoErrorCode.CodeMismatch)]
    [InlineData("Error.EnableSoftwareTokenMfa.json", CognitoErrorCode.EnableSoftwareTokenMfa)]
    [InlineData("Error.SoftwareTokenMfaNotFound.json", CognitoErrorCode.SoftwareTokenMfaNotFound)]
    public async Task CompleteTotpSetupForSignIn_CognitoError_IsResult(string fixture, CognitoErrorCode code)
    {
        await using var host = WireTestHost.Create(_ => FakeCognitoHandler.Fixture(fixture, HttpStatusCode.BadRequest));

        var result = await host.Auth.CompleteTotpSetupForSignInAsync(MfaSetupChallenge(), "123456");

        Assert.False(result.Succeeded);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(HttpStatusCode.BadRequest, result.Error.StatusCode);
    }

    [Fact]
    public async Task BeginTotpSetup_AccessToken_ReturnsSecretWithoutChallenge()
    {
        await using var host = WireTestHost.Create("AssociateSoftwareToken.json");

        var setup = (await host.Auth.BeginTotpSetupAsync("at")).EnsureSuccess();

        Assert.Equal(TotpSecret, setup.SecretCode);
        Assert.Null(setup.Challenge);
        AssertJson("""{"AccessToken":"at"}""", Assert.Single(host.Handler.Requests).Json);
    }

    [Fact]
    public async Task BeginTotpSetup_NoSecretInResponse_IsInvalidResponse()
    {
        await using var host = WireTestHost.Create("Empty.json");

        var result = await host.Auth.BeginTotpSetupAsync("at");

        Assert.False(result.Succeeded);
        Assert.Equal("InvalidResponse", result.Error.Type);
    }

    [Fact]
    public void GetAuthenticatorUri_IssuerAndAccount_IsEscapedKeyUri()
    {
        var setup = new CognitoTotpSetup("JBSWY3DPEHPK3PXP", null);

        var uri = setup.GetAuthenticatorUri("Exanubes Demo", "zoë@example.com");

        Assert.Equal("otpauth://totp/Exanubes%20Demo:zo%C3%AB%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Exanubes%20Demo", uri.AbsoluteUri);
    }

    public static TheoryData<CognitoMfaPreference, string> Preferences => new()
    {
        { new CognitoMfaPreference { Preferred = CognitoMfaMethod.Totp }, """{"AccessToken":"at","SoftwareTokenMfaSettings":{"Enabled":true,"PreferredMfa":true}}""" },
        { new CognitoMfaPreference { TotpEnabled = true, SmsEnabled = true, Preferred = CognitoMfaMethod.Totp },
          """{"AccessToken":"at","SMSMfaSettings":{"Enabled":true,"PreferredMfa":false},"SoftwareTokenMfaSettings":{"Enabled":true,"PreferredMfa":true}}""" },
        { new CognitoMfaPreference { TotpEnabled = false, SmsEnabled = false, EmailEnabled = false },
          """{"AccessToken":"at","SMSMfaSettings":{"Enabled":false},"SoftwareTokenMfaSettings":{"Enabled":false},"EmailMfaSettings":{"Enabled":false}}""" },
        { new CognitoMfaPreference { EmailEnabled = true, Preferred = CognitoMfaMethod.Email },
          """{"AccessToken":"at","EmailMfaSettings":{"Enabled":true,"PreferredMfa":true}}""" },
    };

    [Theory]
    [MemberData(nameof(Preferences))]
    public async Task SetMfaPreference_Preference_SendsOnlyTheNamedMethods(CognitoMfaPreference preference, string expected)
    {
        await using var host = WireTestHost.Create("Empty.json");

        var result = await host.Auth.SetMfaPreferenceAsync("at", preference);

        Assert.True(result.Succeeded, result.ToString());
        var request = Assert.Single(host.Handler.Requests);
        Assert.Equal("SetUserMFAPreference", request.Action);
        Assert.Equal(expected, Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task ArgumentMisuse_ThrowsBeforeCalling()
    {
        await using var host = WireTestHost.Create("Empty.json");
        var smsChallenge = new CognitoChallenge(CognitoChallengeNames.SmsMfa, "s", Sub, new Dictionary<string, string>());
        var noSession = new CognitoChallenge(CognitoChallengeNames.MfaSetup, null, Sub, new Dictionary<string, string>());

        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.BeginTotpSetupAsync(""));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.BeginTotpSetupForSignInAsync(smsChallenge));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.BeginTotpSetupForSignInAsync(noSession));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.CompleteTotpSetupAsync("at", ""));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.CompleteTotpSetupForSignInAsync(MfaSetupChallenge(), ""));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.SetMfaPreferenceAsync("at", new CognitoMfaPreference()));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.SetMfaPreferenceAsync("at", new CognitoMfaPreference { TotpEnabled = false, Preferred = CognitoMfaMethod.Totp }));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.RespondToChallengeAsync(smsChallenge, CognitoChallengeResponse.MfaSetup()));
        Assert.Empty(host.Handler.Requests);
    }

    private static CognitoChallenge MfaSetupChallenge() =>
        new(CognitoChallengeNames.MfaSetup, "AYABeEXAMPLEsessionMFA_SETUP", Sub, new Dictionary<string, string> { ["MFAS_CAN_SETUP"] = """["SOFTWARE_TOKEN_MFA"]""" });

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\n actual   {actual.ToJsonString()}");

    private static string ExpectedSecretHash(string username)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(username + WireTestHost.ClientId)));
    }
}
