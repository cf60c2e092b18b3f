using Amazon.Runtime;
using Exanubes.Cognito.Devices;
using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Tests.IdentityProvider;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.Tests.CallContext;

/// <summary>
/// A <see cref="CognitoCallContext"/> passed to the public flow methods reaches the wire in the shapes each action's
/// model accepts; actions that take none send none. (Byte equality with the JS SDK for every action is in the
/// integration tests' wire cases.)
/// </summary>
public sealed class CognitoCallContextTests
{
    private static readonly CognitoCallContext Full = new()
    {
        ClientMetadata = new Dictionary<string, string> { ["locale"] = "de-DE" },
        IpAddress = "203.0.113.7",
        EncodedData = "asf-data",
        ServerName = "app.example.com",
        ServerPath = "/sign-in",
        HttpHeaders = [new("User-Agent", "Mozilla/5.0")],
        AnalyticsEndpointId = "endpoint-1",
    };

    [Fact]
    public async Task ForgotPasswordAsync_WithContext_SendsUserContextAnalyticsAndClientMetadata()
    {
        await using var host = WireTestHost.Create("ForgotPassword.json");

        (await host.Auth.ForgotPasswordAsync("alice", Full)).EnsureSuccess();

        var body = Assert.Single(host.Handler.Requests).Json;
        Assert.Equal("203.0.113.7", (string?)body["UserContextData"]!["IpAddress"]);
        Assert.Equal("asf-data", (string?)body["UserContextData"]!["EncodedData"]);
        Assert.Equal("endpoint-1", (string?)body["AnalyticsMetadata"]!["AnalyticsEndpointId"]);
        Assert.Equal("de-DE", (string?)body["ClientMetadata"]!["locale"]);
        Assert.Null(body["ContextData"]);
    }

    [Fact]
    public async Task SignInAsync_WithoutContext_SendsNoContextMembers()
    {
        await using var host = WireTestHost.Create("InitiateAuth.Tokens.json");

        (await host.Auth.SignInAsync("alice", "Passw0rd!")).EnsureSuccess();

        var body = Assert.Single(host.Handler.Requests).Json.AsObject();
        Assert.False(body.ContainsKey("UserContextData"));
        Assert.False(body.ContainsKey("AnalyticsMetadata"));
        Assert.False(body.ContainsKey("ClientMetadata"));
    }

    [Fact]
    public async Task SignInAsync_IpOnly_SendsUserContextDataWithTheIpAlone()
    {
        await using var host = WireTestHost.Create("InitiateAuth.Tokens.json");

        (await host.Auth.SignInAsync("alice", "Passw0rd!", new CognitoCallContext { IpAddress = "2001:db8::1" })).EnsureSuccess();

        var body = Assert.Single(host.Handler.Requests).Json.AsObject();
        Assert.Equal("{\"IpAddress\":\"2001:db8::1\"}", body["UserContextData"]!.ToJsonString());
        Assert.False(body.ContainsKey("AnalyticsMetadata"));
    }

    [Fact]
    public async Task RespondToChallengeAsync_WithContext_CarriesItOnTheAnswer()
    {
        await using var host = WireTestHost.Create(r => FakeCognitoHandler.Fixture(r.Action == "InitiateAuth" ? "InitiateAuth.SoftwareTokenMfa.json" : "InitiateAuth.Tokens.json"));
        var step = (await host.Auth.SignInAsync("alice", "Passw0rd!", Full)).EnsureSuccess();

        (await host.Auth.RespondToChallengeAsync(step.NextStep!, CognitoChallengeResponse.MfaCode("123456"), Full)).EnsureSuccess();

        Assert.All(host.Handler.Requests, r => Assert.Equal("203.0.113.7", (string?)r.Json["UserContextData"]!["IpAddress"]));
        Assert.Equal("RespondToAuthChallenge", host.Handler.Requests[^1].Action);
    }

    [Fact]
    public async Task AdminResetUserPasswordAsync_WithContext_SendsOnlyClientMetadata()
    {
        await using var host = WireTestHost.Create("Empty.json");

        (await host.Admin.ResetUserPasswordAsync("alice", Full)).EnsureSuccess();

        var body = Assert.Single(host.Handler.Requests).Json.AsObject();
        Assert.Equal("de-DE", (string?)body["ClientMetadata"]!["locale"]);
        Assert.Equal(["UserPoolId", "Username", "ClientMetadata"], body.Select(p => p.Key));
    }

    [Fact]
    public async Task SignUpAsync_ContextMetadataJoinsTheRequestsOwn()
    {
        await using var host = WireTestHost.Create("SignUp.json");

        (await host.Auth.SignUpAsync(
            new CognitoSignUpRequest { Username = "alice", Password = "Passw0rd!", ClientMetadata = new Dictionary<string, string> { ["invite"] = "abc" } },
            Full)).EnsureSuccess();

        var metadata = Assert.Single(host.Handler.Requests).Json["ClientMetadata"]!.AsObject();
        Assert.Equal("abc", (string?)metadata["invite"]);
        Assert.Equal("de-DE", (string?)metadata["locale"]);
    }

    [Fact]
    public async Task SignUpAsync_SameMetadataKeyWithTwoValues_ThrowsArgumentExceptionAndSendsNothing()
    {
        await using var host = WireTestHost.Create("SignUp.json");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Auth.SignUpAsync(
            new CognitoSignUpRequest { Username = "alice", Password = "Passw0rd!", ClientMetadata = new Dictionary<string, string> { ["locale"] = "fr-FR" } },
            Full));

        Assert.Contains("'locale'", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Handler.Requests);
    }

    [Fact]
    public void WithClientMetadata_CopiesEverythingElse()
    {
        var copy = Full.WithClientMetadata(new Dictionary<string, string> { ["locale"] = "pl-PL" });

        Assert.Equal("pl-PL", copy.ClientMetadata!["locale"]);
        Assert.Equal("de-DE", Full.ClientMetadata!["locale"]);
        Assert.Equal(Full.IpAddress, copy.IpAddress);
        Assert.Equal(Full.EncodedData, copy.EncodedData);
        Assert.Equal(Full.ServerName, copy.ServerName);
        Assert.Equal(Full.ServerPath, copy.ServerPath);
        Assert.Equal(Full.HttpHeaders, copy.HttpHeaders);
        Assert.Equal(Full.AnalyticsEndpointId, copy.AnalyticsEndpointId);
    }

    [Fact]
    public void ToContextData_FullContext_HasEveryMemberTheModelRequires()
    {
        var data = CognitoCallContextWriter.ToContextData(Full)!;

        Assert.Equal("203.0.113.7", data.IpAddress);
        Assert.Equal("app.example.com", data.ServerName);
        Assert.Equal("/sign-in", data.ServerPath);
        Assert.Equal("User-Agent", Assert.Single(data.HttpHeaders).HeaderName);
        Assert.Equal("asf-data", data.EncodedData);
        Assert.Null(CognitoCallContextWriter.ToContextData(new CognitoCallContext()));
    }

    [Theory]
    [InlineData(null, "app.example.com", "/p", "IpAddress")]
    [InlineData("203.0.113.7", null, "/p", "ServerName")]
    [InlineData("203.0.113.7", "app.example.com", null, "ServerPath")]
    public void ToContextData_MissingARequiredMember_ThrowsArgumentExceptionNamingIt(string? ip, string? server, string? path, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => CognitoCallContextWriter.ToContextData(new CognitoCallContext { IpAddress = ip, ServerName = server, ServerPath = path }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "REFRESH_TOKEN_AUTH")]
    [InlineData(true, "GetTokensFromRefreshToken")]
    public async Task RefreshAsync_RememberedDevice_SendsItsKeyOnBothRefreshPaths(bool rotation, string expected)
    {
        var handler = new FakeCognitoHandler(r => FakeCognitoHandler.Fixture(r.Action == "GetTokensFromRefreshToken" ? "GetTokensFromRefreshToken.json" : "InitiateAuth.RefreshTokens.json"));
        var store = new MemoryDeviceStore();
        await store.SaveAsync(WireTestHost.PoolId, "alice", new CognitoRememberedDevice("eu-west-1_device-key", "group-key", "device-password"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials(WireTestHost.AccessKey, WireTestHost.SecretKey));
        services.AddSingleton<ICognitoDeviceStore>(store);
        services.AddCognitoAuth(o =>
        {
            o.UserPoolId = WireTestHost.PoolId;
            o.ClientId = WireTestHost.ClientId;
            o.UseGetTokensFromRefreshToken = rotation;
        });
        services.AddHttpClient(CognitoIdentityProviderClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        (await provider.GetRequiredService<ICognitoAuthService>().RefreshAsync("refresh-token", "alice", Full)).EnsureSuccess();

        var body = Assert.Single(handler.Requests).Json;
        if (rotation)
        {
            Assert.Equal(expected, handler.Requests[0].Action);
            Assert.Equal("eu-west-1_device-key", (string?)body["DeviceKey"]);
            Assert.Equal("de-DE", (string?)body["ClientMetadata"]!["locale"]);
            Assert.Null(body["UserContextData"]);
        }
        else
        {
            Assert.Equal(expected, (string?)body["AuthFlow"]);
            Assert.Equal("eu-west-1_device-key", (string?)body["AuthParameters"]!["DEVICE_KEY"]);
            Assert.Equal("203.0.113.7", (string?)body["UserContextData"]!["IpAddress"]);
        }
    }

    private sealed class MemoryDeviceStore : ICognitoDeviceStore
    {
        private readonly Dictionary<string, CognitoRememberedDevice> _devices = [];

        public ValueTask<CognitoRememberedDevice?> GetAsync(string userPoolId, string username, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(_devices.GetValueOrDefault(userPoolId + "/" + username));

        public ValueTask SaveAsync(string userPoolId, string username, CognitoRememberedDevice device, CancellationToken cancellationToken = default)
        {
            _devices[userPoolId + "/" + username] = device;
            return ValueTask.CompletedTask;
        }

        public ValueTask RemoveAsync(string userPoolId, string username, CancellationToken cancellationToken = default)
        {
            _devices.Remove(userPoolId + "/" + username);
            return ValueTask.CompletedTask;
        }
    }
}
