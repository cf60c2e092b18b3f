using Exanubes.Cognito.Authentication;
using Exanubes.Cognito.TestSupport;
using Exanubes.Cognito.Tests.Tokens;
using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Exanubes.Cognito.Tests.Tokens.TestTokens;

namespace Exanubes.Cognito.Tests.DependencyInjection;

public sealed class CognitoTokenValidationServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> TwoPools = new()
    {
        ["Cognito:TokenValidation:UserPools:0:UserPoolId"] = PoolId,
        ["Cognito:TokenValidation:UserPools:0:ClientIds:0"] = ClientId,
        ["Cognito:TokenValidation:UserPools:0:RequiredGroups:0"] = "admin",
        ["Cognito:TokenValidation:UserPools:0:MaxAuthenticationAge"] = "01:00:00",
        ["Cognito:TokenValidation:UserPools:1:UserPoolId"] = OtherPoolId,
        ["Cognito:TokenValidation:UserPools:1:ClientIds:0"] = "client-b1",
        ["Cognito:TokenValidation:UserPools:1:ClientIds:1"] = "client-b2",
        ["Cognito:TokenValidation:UserPools:1:RequiredScopes:0"] = "orders/read",
        ["Cognito:TokenValidation:ClockSkew"] = "00:00:30",
        ["Cognito:TokenValidation:MaxTokenLength"] = "8192",
        ["Cognito:TokenValidation:ValidatedTokenCacheBytes"] = "0",
        ["Cognito:TokenValidation:JwksMinimumRefreshInterval"] = "00:00:20",
        ["Cognito:TokenValidation:JwksRefreshPeriod"] = "02:00:00",
        ["Cognito:TokenValidation:JwksTimeout"] = "00:00:03",
        ["Cognito:TokenValidation:JwksMaxResponseBytes"] = "32768",
    };

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(CognitoTokenValidationOptions.SectionName);

    private static ServiceProvider Build(Action<IServiceCollection> add, FakeJwksHandler? jwks = null)
    {
        var services = new ServiceCollection();
        ValidatorHarness.Register(services, jwks ?? new FakeJwksHandler(), new FakeTimeProvider(Now));
        add(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddCognitoTokenValidation_ConfigurationWithTwoPools_BindsExactlyThoseOptions()
    {
        using var provider = Build(s => s.AddCognitoTokenValidation(Section(TwoPools)));

        var options = provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value;

        Assert.Equal(2, options.UserPools.Count);
        var a = options.UserPools[0];
        Assert.Equal(PoolId, a.UserPoolId);
        Assert.Equal([ClientId], a.ClientIds);
        Assert.Equal(["admin"], a.RequiredGroups);
        Assert.Empty(a.RequiredScopes);
        Assert.Equal(TimeSpan.FromHours(1), a.MaxAuthenticationAge);
        Assert.False(a.AllowAnyClient);
        Assert.Null(a.Issuer); // both forms, derived by the registry
        var b = options.UserPools[1];
        Assert.Equal(OtherPoolId, b.UserPoolId);
        Assert.Equal(["client-b1", "client-b2"], b.ClientIds);
        Assert.Equal(["orders/read"], b.RequiredScopes);
        Assert.Null(b.MaxAuthenticationAge);
        Assert.Null(b.JwksUri); // each form's own JWKS
        Assert.Equal(TimeSpan.FromSeconds(30), options.ClockSkew);
        Assert.Equal(8192, options.MaxTokenLength);
        Assert.Equal(0, options.ValidatedTokenCacheBytes);
        Assert.Equal(TimeSpan.FromSeconds(20), options.JwksMinimumRefreshInterval);
        Assert.Equal(TimeSpan.FromHours(2), options.JwksRefreshPeriod);
        Assert.Equal(TimeSpan.FromSeconds(3), options.JwksTimeout);
        Assert.Equal(32768, options.JwksMaxResponseBytes);
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task AddCognitoTokenValidation_ConfigurationWithTwoPools_AcceptsPoolBClient2AndRejectsOtherClient()
    {
        var jwks = new FakeJwksHandler
        {
            JwksByUri = u => u.AbsoluteUri.Contains(OtherPoolId, StringComparison.Ordinal)
                ? TestKeys.Jwks(TestKeys.RsaJwk("other-1", TestKeys.OtherPoolKey))
                : TestKeys.PoolJwks(),
        };
        await using var provider = Build(s => s.AddCognitoTokenValidation(Section(TwoPools)), jwks);
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var validator = provider.GetRequiredService<ICognitoTokenValidator>();
        string PoolB(string clientId) =>
            Sign(Header(kid: "other-1"), AccessPayload().With("iss", OtherIssuer).With("client_id", clientId), TestKeys.OtherPoolKey);

        var accepted = await validator.ValidateAccessTokenAsync(PoolB("client-b2"));
        var poolA = await validator.ValidateAccessTokenAsync(Access());
        var otherClient = await Assert.ThrowsAsync<CognitoTokenClientException>(async () => await validator.ValidateAccessTokenAsync(PoolB(ClientId)));

        Assert.Equal(OtherPoolId, accepted.UserPoolId);
        Assert.Equal("client-b2", accepted.ClientId);
        Assert.Equal(PoolId, poolA.UserPoolId);
        Assert.Equal($"The token's client_id '{ClientId}' is not an allowed app client of user pool '{OtherPoolId}'; expected 'client-b1', 'client-b2'.", otherClient.Message);
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("UserPools:1:UserPoolId", "nope", "Cognito:TokenValidation:UserPools:1:UserPoolId 'nope' is not a user pool id")]
    [InlineData("UserPools:1:ClientIds:0", "", "Cognito:TokenValidation:UserPools:1:ClientIds (user pool 'eu-west-1_OtherPool') must list the accepted app client ids")]
    [InlineData("UserPools:0:Issuer", "ftp://example.test/pool", "Cognito:TokenValidation:UserPools:0:Issuer (user pool 'eu-west-1_TestPool1') must be an absolute https URL")]
    [InlineData("ClockSkew", "00:10:00", "Cognito:TokenValidation:ClockSkew must be between 0 and 5 minutes")]
    [InlineData("ValidatedTokenCacheBytes", "-1", "Cognito:TokenValidation:ValidatedTokenCacheBytes must be 0 (off) or at least 65536 bytes")]
    [InlineData("JwksTimeout", "00:00:00", "Cognito:TokenValidation:JwksTimeout must be positive")]
    [InlineData("JwksMaxResponseBytes", "10", "Cognito:TokenValidation:JwksMaxResponseBytes must be at least 1024")]
    public void AddCognitoTokenValidation_InvalidConfiguration_FailsAtStartupNamingTheKey(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?>(TwoPools)
        {
            ["Cognito:TokenValidation:" + key] = value,
        };
        if (key.StartsWith("UserPools:1:ClientIds", StringComparison.Ordinal))
        {
            values.Remove("Cognito:TokenValidation:UserPools:1:ClientIds:1");
        }

        using var provider = Build(s => s.AddCognitoTokenValidation(Section(values)));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCognitoTokenValidation_ConfigurationTwice_BindsOnceAndRegistersOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TwoPools).Build();
        var services = new ServiceCollection();
        ValidatorHarness.Register(services, new FakeJwksHandler(), new FakeTimeProvider(Now));

        services.AddCognitoTokenValidation(configuration.GetSection(CognitoTokenValidationOptions.SectionName));
        services.AddCognitoTokenValidation(configuration.GetSection(CognitoTokenValidationOptions.SectionName));
        services.AddCognitoTokenValidation();

        Assert.Single(services, d => d.ServiceType == typeof(ICognitoTokenValidator));
        Assert.Single(services, d => d.ServiceType == typeof(CognitoUserPoolRegistry));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<CognitoTokenValidationOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value;
        Assert.Equal([PoolId, OtherPoolId], options.UserPools.Select(p => p.UserPoolId));
        Assert.Equal(["client-b1", "client-b2"], options.UserPools[1].ClientIds);
    }

    [Fact]
    public void AddCognitoTokenValidation_ConfigurationThenJwtBearer_BearerUsesTheBoundPools()
    {
        var services = new ServiceCollection();
        ValidatorHarness.Register(services, new FakeJwksHandler(), new FakeTimeProvider(Now));

        services.AddCognitoTokenValidation(Section(TwoPools));
        services.AddAuthentication().AddCognitoJwtBearer();

        Assert.Single(services, d => d.ServiceType == typeof(ICognitoTokenValidator));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value;
        Assert.Equal([PoolId, OtherPoolId], options.UserPools.Select(p => p.UserPoolId));
    }

    [Fact]
    public void AddCognitoTokenValidation_ConfigurationThenCode_CodeRunsAfterBinding()
    {
        using var provider = Build(s => s
            .AddCognitoTokenValidation(Section(TwoPools))
            .AddCognitoTokenValidation(o => o.UserPools[1].ClientIds.Add("client-b3")));

        var options = provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value;

        Assert.Equal(["client-b1", "client-b2", "client-b3"], options.UserPools[1].ClientIds);
    }

    [Fact]
    public void AddCognitoTokenValidation_DocsJsonExample_BindsBothPools()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "token-validation.md"));
        var start = doc.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        using var provider = Build(s => s.AddCognitoTokenValidation(configuration.GetSection(CognitoTokenValidationOptions.SectionName)));

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value;

        Assert.Equal(["eu-west-1_AbCdEf123", "us-east-1_XyZ987"], options.UserPools.Select(p => p.UserPoolId));
        Assert.Equal(["web-client-id", "mobile-client-id"], options.UserPools[0].ClientIds);
        Assert.Equal(["partners"], options.UserPools[1].RequiredGroups);
        Assert.Equal(TimeSpan.FromHours(8), options.UserPools[1].MaxAuthenticationAge);
    }

    [Fact]
    public void AddCognitoTokenValidation_NullConfiguration_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCognitoTokenValidation((IConfiguration)null!));
    }
}
