using System.Text.Json.Nodes;
using Amazon.Runtime;
using Exanubes.Cognito.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>
/// Remembered devices end to end on the local Cognito, whose device SRP is cross-checked with amazon-cognito-identity-js:
/// an SRP sign-in with TOTP MFA returns NewDeviceMetadata, <see cref="ICognitoDevices.RememberDeviceAsync"/> confirms
/// the device (ConfirmDevice + UpdateDeviceStatus) and keeps it in the store, and the next SRP sign-in answers
/// DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER itself and skips MFA. Forgetting the device brings MFA back.
/// </summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoRememberedDeviceTests(CognitoLocalFixture cognito)
{
    private const string Password = "Correct-Horse-1";

    [Fact]
    public async Task RememberDevice_NextSrpSignInSkipsMfa_RefreshSendsDeviceKey_ForgetBringsMfaBack()
    {
        var (provider, username, secret) = await SetUpAsync(withSecret: true);
        await using var _ = provider;
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var devices = provider.GetRequiredService<ICognitoDevices>();

        var tokens = await SignInWithTotpAsync(auth, username, secret);
        Assert.NotNull(tokens.NewDevice);
        (await devices.RememberDeviceAsync(tokens, "Integration test")).EnsureSuccess();

        var listed = (await devices.ListAsync(tokens.AccessToken)).EnsureSuccess();
        var device = Assert.Single(listed.Devices);
        Assert.Equal(tokens.NewDevice!.DeviceKey, device.DeviceKey);
        Assert.Equal("Integration test", device.Name);
        Assert.True(device.IsRemembered);
        Assert.Equal(device.DeviceKey, (await devices.GetAsync(tokens.AccessToken, device.DeviceKey)).EnsureSuccess().DeviceKey);

        // The next sign-in from this "device" (same store) goes through device SRP and skips MFA.
        var again = (await auth.SignInWithSrpAsync(username, Password)).EnsureSuccess();
        Assert.True(again.IsSignedIn, $"expected tokens, got {again.NextStep?.Name}");
        Assert.Null(again.Tokens!.NewDevice);
        var refreshed = (await auth.RefreshAsync(again.Tokens.RefreshToken!, again.Tokens.Username)).EnsureSuccess();
        Assert.False(string.IsNullOrEmpty(refreshed.AccessToken));
        Assert.Contains(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 4503);

        // Not remembered any more: device authentication is refused by the pool, so MFA is back.
        (await devices.UpdateStatusAsync(again.Tokens.AccessToken, device.DeviceKey, remembered: false)).EnsureSuccess();
        Assert.False((await devices.GetAsync(again.Tokens.AccessToken, device.DeviceKey)).EnsureSuccess().IsRemembered);
        (await devices.UpdateStatusAsync(again.Tokens.AccessToken, device.DeviceKey, remembered: true)).EnsureSuccess();

        (await devices.ForgetAsync(again.Tokens.AccessToken, device.DeviceKey)).EnsureSuccess();
        var afterForget = (await auth.SignInWithSrpAsync(username, Password)).EnsureSuccess();
        Assert.Equal(CognitoChallengeName.SoftwareTokenMfa, afterForget.NextStep?.ChallengeName);
        var missing = await devices.GetAsync(again.Tokens.AccessToken, device.DeviceKey);
        Assert.Equal(CognitoErrorCode.ResourceNotFound, missing.Error?.Code);

        var secrets = new[] { Password, secret, tokens.AccessToken, tokens.RefreshToken!, tokens.NewDevice!.DeviceGroupKey };
        foreach (var record in provider.GetFakeLogCollector().GetSnapshot())
        {
            Assert.All(secrets, s => Assert.DoesNotContain(s, record.Message + record.Exception, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SignIn_DeviceForgottenElsewhere_DroppedFromStoreAndMfaAsked()
    {
        var (provider, username, secret) = await SetUpAsync(withSecret: false);
        await using var _ = provider;
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var devices = provider.GetRequiredService<ICognitoDevices>();
        var store = provider.GetRequiredService<ICognitoDeviceStore>();
        var tokens = await SignInWithTotpAsync(auth, username, secret);
        (await devices.RememberDeviceAsync(tokens)).EnsureSuccess();
        var poolId = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CognitoAuthOptions>>().Value.UserPoolId!;
        Assert.NotNull(await store.GetAsync(poolId, username));

        // Another client forgets the device; this store still holds it.
        await cognito.CallAsync("ForgetDevice", new JsonObject { ["AccessToken"] = tokens.AccessToken, ["DeviceKey"] = tokens.NewDevice!.DeviceKey });

        var signIn = (await auth.SignInWithSrpAsync(username, Password)).EnsureSuccess();
        Assert.Equal(CognitoChallengeName.SoftwareTokenMfa, signIn.NextStep?.ChallengeName);
        Assert.Null(await store.GetAsync(poolId, username));
        Assert.Contains(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 4504);
    }

    [Fact]
    public async Task RememberDevice_TokensWithoutNewDevice_ThrowsArgument()
    {
        var (provider, username, secret) = await SetUpAsync(withSecret: false);
        await using var _ = provider;
        var tokens = (await provider.GetRequiredService<ICognitoAuthService>().SignInAsync(username, Password)).EnsureSuccess();
        var step = tokens.NextStep!;
        var done = (await provider.GetRequiredService<ICognitoAuthService>().RespondToChallengeAsync(step, CognitoChallengeResponse.MfaCode(TotpCode.At(secret, DateTimeOffset.UtcNow))))
            .EnsureSuccess().Tokens!;

        // USER_PASSWORD_AUTH gets no NewDeviceMetadata (device tracking is documented with SRP).
        Assert.Null(done.NewDevice);
        await Assert.ThrowsAsync<ArgumentException>(() => provider.GetRequiredService<ICognitoDevices>().RememberDeviceAsync(done));
    }

    private static async Task<CognitoTokens> SignInWithTotpAsync(ICognitoAuthService auth, string username, string secret)
    {
        var first = (await auth.SignInWithSrpAsync(username, Password)).EnsureSuccess();
        Assert.Equal(CognitoChallengeName.SoftwareTokenMfa, first.NextStep?.ChallengeName);
        return (await auth.RespondToChallengeAsync(first.NextStep!, CognitoChallengeResponse.MfaCode(TotpCode.At(secret, DateTimeOffset.UtcNow))))
            .EnsureSuccess().Tokens!;
    }

    private async Task<(ServiceProvider Provider, string Username, string Secret)> SetUpAsync(bool withSecret)
    {
        var poolId = (await cognito.CallAsync("CreateUserPool", new JsonObject
        {
            ["PoolName"] = "dev-" + Guid.NewGuid().ToString("N")[..8],
            ["AutoVerifiedAttributes"] = new JsonArray("email"),
            ["MfaConfiguration"] = "OPTIONAL",
            ["DeviceConfiguration"] = new JsonObject { ["ChallengeRequiredOnNewDevice"] = true, ["DeviceOnlyRememberedOnUserPrompt"] = true },
        }))["UserPool"]!["Id"]!.GetValue<string>();
        await cognito.CallAsync("SetUserPoolMfaConfig", new JsonObject
        {
            ["UserPoolId"] = poolId,
            ["MfaConfiguration"] = "OPTIONAL",
            ["SoftwareTokenMfaConfiguration"] = new JsonObject { ["Enabled"] = true },
        });
        var client = (await cognito.CallAsync("CreateUserPoolClient", new JsonObject
        {
            ["UserPoolId"] = poolId,
            ["ClientName"] = "app",
            ["GenerateSecret"] = withSecret,
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        }))["UserPoolClient"]!;
        var pool = new CognitoLocalPool(poolId, client["ClientId"]!.GetValue<string>(), client["ClientSecret"]?.GetValue<string>());

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging(options => options.CollectRecordsForDisabledLogLevels = true);
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        services.AddCognitoAuth(options =>
        {
            options.UserPoolId = pool.UserPoolId;
            options.ClientId = pool.ClientId;
            options.ClientSecret = pool.ClientSecret;
            options.ServiceUrl = cognito.Endpoint;
        });
        services.AddCognitoDeviceDistributedCacheStore();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var auth = provider.GetRequiredService<ICognitoAuthService>();
        var username = "d" + Guid.NewGuid().ToString("N")[..8];
        (await auth.SignUpAsync(new CognitoSignUpRequest
        {
            Username = username,
            Password = Password,
            Attributes = new Dictionary<string, string> { ["email"] = username + "@example.com" },
        })).EnsureSuccess();
        (await auth.ConfirmSignUpAsync(username, cognito.StoredCode(pool.UserPoolId, username))).EnsureSuccess();
        var access = (await auth.SignInAsync(username, Password)).EnsureSuccess().Tokens!.AccessToken;
        var setup = (await auth.BeginTotpSetupAsync(access)).EnsureSuccess();
        (await auth.CompleteTotpSetupAsync(access, TotpCode.At(setup.SecretCode, DateTimeOffset.UtcNow))).EnsureSuccess();
        (await auth.SetMfaPreferenceAsync(access, new CognitoMfaPreference { Preferred = CognitoMfaMethod.Totp })).EnsureSuccess();
        return (provider, username, setup.SecretCode);
    }
}
