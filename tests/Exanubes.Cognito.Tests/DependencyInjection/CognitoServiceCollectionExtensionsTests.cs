using System.Net;
using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Tests.IdentityProvider;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Tests.DependencyInjection;

public sealed class CognitoServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCognitoAuth_Configuration_BindsAndDerivesOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cognito:UserPoolId"] = "eu-west-1_AbCdEf123",
            ["Cognito:ClientId"] = "1example23456789",
            ["Cognito:ClientSecret"] = "secret",
            ["Cognito:UseGetTokensFromRefreshToken"] = "true",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddCognitoAuth(configuration.GetSection(CognitoAuthOptions.SectionName)).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CognitoAuthOptions>>().Value;

        Assert.Equal("eu-west-1_AbCdEf123", options.UserPoolId);
        Assert.Equal("1example23456789", options.ClientId);
        Assert.Equal("secret", options.ClientSecret);
        Assert.True(options.UseGetTokensFromRefreshToken);
        Assert.Equal("eu-west-1", options.UserPool!.Region);
        Assert.Equal(new Uri("https://cognito-idp.eu-west-1.amazonaws.com/"), options.ResolvedServiceUrl);
        Assert.NotNull(provider.GetService<ICognitoAuthService>());
        Assert.NotNull(provider.GetService<ICognitoAdminService>());
    }

    [Fact]
    public void AddCognitoAuth_InvalidOptions_FailsAtStartupWithSettingNames()
    {
        using var provider = new ServiceCollection().AddLogging().AddCognitoAuth(o => o.UserPoolId = "nope").BuildServiceProvider();

        // Both the auth options and the token validation that reads the same pool fail, each naming the setting.
        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failures = error.InnerExceptions.Cast<OptionsValidationException>().ToDictionary(e => e.OptionsType, e => e.Failures.ToList());
        Assert.Contains(failures[typeof(CognitoAuthOptions)], f => f.StartsWith("Cognito:UserPoolId 'nope' is not a user pool id", StringComparison.Ordinal));
        Assert.Contains("Cognito:ClientId is required", string.Join('\n', failures[typeof(CognitoAuthOptions)]), StringComparison.Ordinal);
        Assert.Contains(failures[typeof(Exanubes.Cognito.Tokens.CognitoTokenValidationOptions)], f => f.StartsWith("Cognito:UserPoolId 'nope' is not a user pool id", StringComparison.Ordinal));
    }

    [Fact]
    public void AddCognitoAuth_Twice_RegistersServicesOnce()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddCognitoAuth(o => o.UserPoolId = "eu-west-1_A");
        services.AddCognitoAuth(o => o.ClientId = "abc");

        Assert.Single(services, d => d.ServiceType == typeof(ICognitoAuthService));
        Assert.Single(services, d => d.ServiceType == typeof(ICognitoAdminService));
        Assert.Single(services, d => d.ServiceType == typeof(CognitoIdentityProviderClient));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<CognitoAuthOptions>));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<CognitoAuthOptions>>().Value;
        Assert.Equal(("eu-west-1_A", "abc"), (options.UserPoolId, options.ClientId));
    }

    [Fact]
    public async Task AddCognitoAuth_Twice_StacksNoSecondRetryHandler()
    {
        var services = new ServiceCollection().AddLogging();
        var handler = new FakeCognitoHandler(_ => FakeCognitoHandler.Fixture("Error.TooManyRequests.json", HttpStatusCode.BadRequest));
        services.AddCognitoAuth(o =>
        {
            o.UserPoolId = WireTestHost.PoolId;
            o.ClientId = WireTestHost.ClientId;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        });
        services.AddCognitoAuth(o => o.MaxRetryAttempts = 2);
        services.AddHttpClient(CognitoIdentityProviderClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<ICognitoAuthService>().GetUserAsync("at");

        Assert.Equal(CognitoErrorCode.TooManyRequests, result.Error?.Code);
        Assert.Equal(1 + 2, handler.Requests.Count);
    }

    [Fact]
    public void AddCognitoAuth_KeyedPoolsWithBadIds_FailAtStartupNamingEachPoolsSettings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:A:UserPoolId"] = "EU-WEST-1_abc",
            ["Tenants:A:ClientId"] = "1example23456789",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCognitoAuth("tenant-a", configuration.GetSection("Tenants:A"));
        services.AddCognitoAuth("tenant-b", o => o.ClientId = "2example23456789");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failures = error.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures.Select(f => (e.OptionsName, e.OptionsType.Name, f))).ToList();
        var a = Assert.Single(failures, f => f.OptionsName == "tenant-a" && f.Name == nameof(CognitoAuthOptions)).f;
        Assert.StartsWith("Tenants:A:UserPoolId 'EU-WEST-1_abc' is not a user pool id", a, StringComparison.Ordinal);
        Assert.Contains(failures, f => f.OptionsName == "tenant-a" && f.Name == nameof(Exanubes.Cognito.Tokens.CognitoTokenValidationOptions) && f.f == a);
        Assert.Contains(failures, f => f.OptionsName == "tenant-b" && f.f.StartsWith("Cognito[tenant-b]:UserPoolId is empty or missing", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.OptionsName == Options.DefaultName);
    }

    [Fact]
    public void AddCognitoAuth_SameKeyTwice_RegistersThatPoolsServicesOnceBesideTheUnkeyedPool()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddCognitoAuth(o => { o.UserPoolId = "eu-west-1_Default"; o.ClientId = "abc"; });
        services.AddCognitoAuth("tenant-a", o => o.UserPoolId = "cn-north-1_TenantA");
        services.AddCognitoAuth("tenant-a", o => o.ClientId = "def");

        Assert.Single(services, d => d.IsKeyedService && Equals(d.ServiceKey, "tenant-a") && d.ServiceType == typeof(ICognitoAuthService));
        Assert.Single(services, d => d.IsKeyedService && Equals(d.ServiceKey, "tenant-a") && d.ServiceType == typeof(Exanubes.Cognito.Tokens.ICognitoTokenValidator));
        Assert.Single(services, d => !d.IsKeyedService && d.ServiceType == typeof(ICognitoAuthService));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var tenant = provider.GetRequiredService<IOptionsMonitor<CognitoAuthOptions>>().Get("tenant-a");
        Assert.Equal(("cn-north-1_TenantA", "def"), (tenant.UserPoolId, tenant.ClientId));
        Assert.Equal(new Uri("https://cognito-idp.cn-north-1.amazonaws.com.cn/"), tenant.ResolvedServiceUrl);
        Assert.Equal("eu-west-1_Default", provider.GetRequiredService<IOptions<CognitoAuthOptions>>().Value.UserPoolId);
        Assert.NotSame(provider.GetRequiredService<Exanubes.Cognito.Tokens.ICognitoTokenValidator>(), provider.GetRequiredKeyedService<Exanubes.Cognito.Tokens.ICognitoTokenValidator>("tenant-a"));
    }
}
