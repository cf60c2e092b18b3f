using System.Text.Json.Nodes;
using Exanubes.Cognito.Passkeys;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>
/// Passkeys end to end on the local Cognito, which verifies every attestation and assertion with @simplewebauthn/server:
/// register (options JSON out, attestation JSON in), list, GetUserAuthFactors, sign in with USER_AUTH WEB_AUTHN, delete;
/// a wrong origin is a typed WebAuthnOriginNotAllowed.
/// </summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoPasskeyTests(CognitoLocalFixture cognito)
{
    private const string Password = "Correct-Horse-1";
    private const string Origin = "http://localhost:5173";

    [Fact]
    public async Task Passkey_RegisterListSignInDelete_WrongOriginTyped()
    {
        var poolId = (await cognito.CallAsync("CreateUserPool", new JsonObject
        {
            ["PoolName"] = "pk-" + Guid.NewGuid().ToString("N")[..8],
            ["AutoVerifiedAttributes"] = new JsonArray("email"),
            ["Policies"] = new JsonObject { ["SignInPolicy"] = new JsonObject { ["AllowedFirstAuthFactors"] = new JsonArray("PASSWORD", "WEB_AUTHN") } },
        }))["UserPool"]!["Id"]!.GetValue<string>();
        await cognito.CallAsync("SetUserPoolMfaConfig", new JsonObject
        {
            ["UserPoolId"] = poolId,
            ["WebAuthnConfiguration"] = new JsonObject { ["RelyingPartyId"] = "localhost", ["UserVerification"] = "required" },
        });
        var client = (await cognito.CallAsync("CreateUserPoolClient", new JsonObject
        {
            ["UserPoolId"] = poolId,
            ["ClientName"] = "app",
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        }))["UserPoolClient"]!;
        var pool = new CognitoLocalPool(poolId, client["ClientId"]!.GetValue<string>(), null);
        await using var provider = CognitoLocalServices.Build(cognito, pool);
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var passkeys = provider.GetRequiredService<ICognitoPasskeys>();
        var passwordless = provider.GetRequiredService<ICognitoPasswordless>();
        var username = "pk" + Guid.NewGuid().ToString("N")[..8];
        (await auth.SignUpAsync(new CognitoSignUpRequest
        {
            Username = username,
            Password = Password,
            Attributes = new Dictionary<string, string> { ["email"] = username + "@example.com" },
        })).EnsureSuccess();
        (await auth.ConfirmSignUpAsync(username, cognito.StoredCode(pool.UserPoolId, username))).EnsureSuccess();
        var access = (await auth.SignInAsync(username, Password)).EnsureSuccess().Tokens!.AccessToken;
        using var authenticator = new SoftwareAuthenticator();

        var badOptions = (await passkeys.StartRegistrationAsync(access)).EnsureSuccess();
        var badOrigin = await passkeys.CompleteRegistrationAsync(access, authenticator.Create(badOptions, "https://evil.example"));
        Assert.Equal(CognitoErrorCode.WebAuthnOriginNotAllowed, badOrigin.Error?.Code);

        var options = (await passkeys.StartRegistrationAsync(access)).EnsureSuccess();
        (await passkeys.CompleteRegistrationAsync(access, authenticator.Create(options, Origin))).EnsureSuccess();
        var passkey = Assert.Single((await passkeys.ListAsync(access)).EnsureSuccess().Passkeys);
        Assert.Equal(authenticator.CredentialId, passkey.CredentialId);
        Assert.Equal("localhost", passkey.RelyingPartyId);
        Assert.True((await passwordless.GetAuthFactorsAsync(access)).EnsureSuccess().HasPasskey);

        var step = (await passwordless.SignInAsync(new CognitoUserAuthRequest(username) { PreferredFirstFactor = CognitoFirstFactor.WebAuthn })).EnsureSuccess().NextStep!;
        Assert.Equal(CognitoChallengeName.WebAuthn, step.ChallengeName);
        var signedIn = (await auth.RespondToChallengeAsync(step, CognitoChallengeResponse.WebAuthn(authenticator.Get(step.CredentialRequestOptionsJson!, Origin)))).EnsureSuccess();
        Assert.True(signedIn.IsSignedIn);

        var step2 = (await passwordless.SignInAsync(new CognitoUserAuthRequest(username) { PreferredFirstFactor = CognitoFirstFactor.WebAuthn })).EnsureSuccess().NextStep!;
        var wrong = await auth.RespondToChallengeAsync(step2, CognitoChallengeResponse.WebAuthn(authenticator.Get(step2.CredentialRequestOptionsJson!, "https://evil.example")));
        Assert.Equal(CognitoErrorCode.NotAuthorized, wrong.Error?.Code);

        (await passkeys.DeleteAsync(access, passkey.CredentialId)).EnsureSuccess();
        Assert.Empty((await passkeys.ListAsync(access)).EnsureSuccess().Passkeys);
        Assert.Equal(CognitoErrorCode.ResourceNotFound, (await passkeys.DeleteAsync(access, passkey.CredentialId)).Error?.Code);
    }
}
