using Amazon.Runtime;
using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.IntegrationTests.CognitoLocal;

/// <summary>Two keyed pools side by side in one host, on a real cognito-local: each signs its users up and in, and each validator accepts its own pool's tokens only.</summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoKeyedPoolsTests(CognitoLocalFixture cognito)
{
    private const string Password = "Correct-Horse-1";

    [Fact]
    public async Task AddCognitoAuth_TwoKeyedPools_EachSignsInAndValidatesOnlyItsOwnTokens()
    {
        var poolA = await cognito.CreatePoolAsync();
        var poolB = await cognito.CreatePoolAsync(withSecret: true);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:A:UserPoolId"] = poolA.UserPoolId,
            ["Tenants:A:ClientId"] = poolA.ClientId,
            ["Tenants:A:ServiceUrl"] = cognito.Endpoint.ToString(),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        services.AddCognitoAuth("tenant-a", configuration.GetSection("Tenants:A"));
        services.AddCognitoAuth("tenant-b", o =>
        {
            o.UserPoolId = poolB.UserPoolId;
            o.ClientId = poolB.ClientId;
            o.ClientSecret = poolB.ClientSecret;
            o.ServiceUrl = cognito.Endpoint;
        });
        services.AddSingleton<Tenants>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        // Only keyed registrations: nothing answers without a key.
        Assert.Null(provider.GetService<ICognitoAuthService>());
        Assert.Null(provider.GetService<ICognitoTokenValidator>());
        var tenants = provider.GetRequiredService<Tenants>();

        var tokensA = await SignUpAndInAsync(tenants.AuthA, poolA, "ada");
        var tokensB = await SignUpAndInAsync(tenants.AuthB, poolB, "bob");

        var a = await tenants.TokensA.ValidateAccessTokenAsync(tokensA.AccessToken);
        Assert.Equal(poolA.UserPoolId, a.UserPoolId);
        Assert.Equal(poolA.UserPoolId, (await tenants.TokensA.ValidateIdTokenAsync(tokensA.IdToken!)).UserPoolId);
        var b = await tenants.TokensB.ValidateAccessTokenAsync(tokensB.AccessToken);
        Assert.Equal(poolB.UserPoolId, b.UserPoolId);

        // Cross-pool: each validator refuses the other pool's token by its issuer.
        var wrongA = await Assert.ThrowsAsync<CognitoTokenIssuerException>(() => tenants.TokensA.ValidateAccessTokenAsync(tokensB.AccessToken).AsTask());
        Assert.Contains(poolB.UserPoolId, wrongA.Message, StringComparison.Ordinal);
        var wrongB = await Assert.ThrowsAsync<CognitoTokenIssuerException>(() => tenants.TokensB.ValidateAccessTokenAsync(tokensA.AccessToken).AsTask());
        Assert.Contains(poolA.UserPoolId, wrongB.Message, StringComparison.Ordinal);

        // Admin services are keyed too and act on their own pool.
        Assert.Equal("ada", (await tenants.AdminA.GetUserAsync("ada")).EnsureSuccess().Username);
        Assert.False((await tenants.AdminA.GetUserAsync("bob")).Succeeded);
        Assert.Equal("bob", (await tenants.AdminB.GetUserAsync("bob")).EnsureSuccess().Username);

        // Each pool has its own named options (and HttpClient).
        var monitor = provider.GetRequiredService<IOptionsMonitor<CognitoAuthOptions>>();
        Assert.Equal(poolA.ClientId, monitor.Get("tenant-a").ClientId);
        Assert.Equal(poolB.ClientId, monitor.Get("tenant-b").ClientId);
        Assert.NotEqual(monitor.Get("tenant-a").HttpClientName, monitor.Get("tenant-b").HttpClientName);

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }

    private async Task<CognitoTokens> SignUpAndInAsync(ICognitoAuthService auth, CognitoLocalPool pool, string username)
    {
        (await auth.SignUpAsync(new CognitoSignUpRequest
        {
            Username = username,
            Password = Password,
            Attributes = new Dictionary<string, string> { ["email"] = username + "@example.com" },
        })).EnsureSuccess();
        (await auth.ConfirmSignUpAsync(username, cognito.StoredCode(pool.UserPoolId, username))).EnsureSuccess();
        var signIn = (await auth.SignInAsync(username, Password)).EnsureSuccess();
        return signIn.Tokens ?? throw new InvalidOperationException($"{username} got a challenge: {signIn.NextStep?.Name}");
    }

    /// <summary>A consumer that takes each pool's services by key, as an app would.</summary>
    private sealed class Tenants(
        [FromKeyedServices("tenant-a")] ICognitoAuthService authA,
        [FromKeyedServices("tenant-b")] ICognitoAuthService authB,
        [FromKeyedServices("tenant-a")] ICognitoAdminService adminA,
        [FromKeyedServices("tenant-b")] ICognitoAdminService adminB,
        [FromKeyedServices("tenant-a")] ICognitoTokenValidator tokensA,
        [FromKeyedServices("tenant-b")] ICognitoTokenValidator tokensB)
    {
        public ICognitoAuthService AuthA { get; } = authA;

        public ICognitoAuthService AuthB { get; } = authB;

        public ICognitoAdminService AdminA { get; } = adminA;

        public ICognitoAdminService AdminB { get; } = adminB;

        public ICognitoTokenValidator TokensA { get; } = tokensA;

        public ICognitoTokenValidator TokensB { get; } = tokensB;
    }
}
