using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>
/// Our services against the actions and checks the local Cognito adds to cognito-local (tests/local-cognito/extensions):
/// ResendConfirmationCode, GlobalSignOut / AdminUserGlobalSignOut revoking tokens, a disabled user refused at sign-in,
/// and GetUser refusing a forged access token.
/// </summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class LocalCognitoExtensionsTests(CognitoLocalFixture cognito)
{
    private const string Password = "Correct-Horse-1";

    [Fact]
    public async Task ResendConfirmationCodeAsync_UnconfirmedUser_NewCodeConfirmsTheUser()
    {
        var pool = await cognito.CreatePoolAsync(withSecret: true);
        await using var provider = CognitoLocalServices.Build(cognito, pool);
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var username = "resend-" + Guid.NewGuid().ToString("N")[..8];
        (await auth.SignUpAsync(new CognitoSignUpRequest
        {
            Username = username,
            Password = Password,
            Attributes = new Dictionary<string, string> { ["email"] = username + "@example.com" },
        })).EnsureSuccess();
        var first = cognito.StoredCode(pool.UserPoolId, username);

        CognitoResult<CognitoCodeDelivery> resent;
        var second = first;
        do
        {
            // six random digits: the new code may repeat the old one, so ask again until it differs
            resent = await auth.ResendConfirmationCodeAsync(username);
            Assert.True(resent.Succeeded, resent.ToString());
            second = cognito.StoredCode(pool.UserPoolId, username);
        }
        while (second == first);

        Assert.Equal("EMAIL", resent.Value.DeliveryMedium);
        Assert.Equal("email", resent.Value.AttributeName);
        Assert.Equal(CognitoErrorCode.CodeMismatch, (await auth.ConfirmSignUpAsync(username, first)).Error?.Code);
        Assert.True((await auth.ConfirmSignUpAsync(username, second)).Succeeded);
        Assert.True((await auth.SignInAsync(username, Password)).Value?.IsSignedIn);
        Assert.Equal(CognitoErrorCode.UserNotFound, (await auth.ResendConfirmationCodeAsync("nobody-" + Guid.NewGuid().ToString("N")[..8])).Error?.Code);
    }

    [Fact]
    public async Task GlobalSignOutAsync_OldTokens_AccessRevokedAndRefreshRefused()
    {
        var (pool, provider, username) = await SignedUpAsync();
        await using var _ = provider;
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var old = (await auth.SignInAsync(username, Password)).EnsureSuccess().Tokens!;

        Assert.True((await auth.GlobalSignOutAsync(old.AccessToken)).Succeeded);

        var getUser = await auth.GetUserAsync(old.AccessToken);
        Assert.Equal(CognitoErrorCode.NotAuthorized, getUser.Error?.Code);
        Assert.Equal("Access Token has been revoked", getUser.Error?.Message);
        Assert.Equal(CognitoErrorCode.NotAuthorized, (await auth.RefreshAsync(old.RefreshToken!, username)).Error?.Code);
        var fresh = (await auth.SignInAsync(username, Password)).EnsureSuccess().Tokens!;
        Assert.True((await auth.GetUserAsync(fresh.AccessToken)).Succeeded);
        Assert.True((await auth.RefreshAsync(fresh.RefreshToken!, username)).Succeeded);
        Assert.NotNull(pool);
    }

    [Fact]
    public async Task UserGlobalSignOutAsync_OldTokens_AccessRevokedAndRefreshRefused()
    {
        var (_, provider, username) = await SignedUpAsync();
        await using var __ = provider;
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var old = (await auth.SignInAsync(username, Password)).EnsureSuccess().Tokens!;

        Assert.True((await provider.GetRequiredService<ICognitoAdminService>().UserGlobalSignOutAsync(username)).Succeeded);

        Assert.Equal("Access Token has been revoked", (await auth.GetUserAsync(old.AccessToken)).Error?.Message);
        Assert.Equal(CognitoErrorCode.NotAuthorized, (await auth.RefreshAsync(old.RefreshToken!, username)).Error?.Code);
    }

    [Fact]
    public async Task SignInAsync_DisabledUser_NotAuthorizedUserIsDisabled()
    {
        var (pool, provider, username) = await SignedUpAsync();
        await using var _ = provider;
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        Assert.True((await auth.SignInAsync(username, Password)).Value?.IsSignedIn);

        await cognito.CallAsync("AdminDisableUser", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = username });

        var refused = await auth.SignInAsync(username, Password);
        Assert.Equal(CognitoErrorCode.NotAuthorized, refused.Error?.Code);
        Assert.Equal("User is disabled.", refused.Error?.Message);
        await cognito.CallAsync("AdminEnableUser", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = username });
        Assert.True((await auth.SignInAsync(username, Password)).Value?.IsSignedIn);
    }

    [Fact]
    public async Task GetUserAsync_AlteredAccessToken_NotAuthorized()
    {
        var (_, provider, username) = await SignedUpAsync();
        await using var _ = provider;
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var token = (await auth.SignInAsync(username, Password)).EnsureSuccess().Tokens!.AccessToken;
        var parts = token.Split('.');
        var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["username"] = "someone-else";
        var altered = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        var result = await auth.GetUserAsync(altered);

        Assert.Equal(CognitoErrorCode.NotAuthorized, result.Error?.Code);
        Assert.Equal("Invalid Access Token", result.Error?.Message);
        Assert.True((await auth.GetUserAsync(token)).Succeeded);
    }

    private async Task<(CognitoLocalPool Pool, ServiceProvider Provider, string Username)> SignedUpAsync()
    {
        var pool = await cognito.CreatePoolAsync();
        var provider = CognitoLocalServices.Build(cognito, pool);
        var username = "user-" + Guid.NewGuid().ToString("N")[..8];
        await cognito.CallAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = pool.UserPoolId,
            ["Username"] = username,
            ["TemporaryPassword"] = "Temporary-Pass-1",
            ["MessageAction"] = "SUPPRESS",
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = username + "@example.com" }),
        });
        await cognito.CallAsync("AdminSetUserPassword", new JsonObject
        {
            ["UserPoolId"] = pool.UserPoolId, ["Username"] = username, ["Password"] = Password, ["Permanent"] = true,
        });
        return (pool, provider, username);
    }
}
