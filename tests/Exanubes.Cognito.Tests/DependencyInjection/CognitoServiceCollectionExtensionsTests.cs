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
}
