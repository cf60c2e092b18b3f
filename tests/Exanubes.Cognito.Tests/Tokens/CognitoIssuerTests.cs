using System.Net;
using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Exanubes.Cognito.Tests.Tokens.TestTokens;

namespace Exanubes.Cognito.Tests.Tokens;

/// <summary>Both issuer forms, replica regions, partitions, look-alikes, keys apart from the issuer or pre-seeded, and ServiceUrl.</summary>
public sealed class CognitoIssuerTests
{
    private const string UpdatedJwks = UpdatedIssuer + "/.well-known/jwks.json";

    public static TheoryData<string> LookAlikes =>
    [
        "https://cognito-idp.eu-west-1.amazonaws.com.evil.example/" + PoolId,
        "https://evil.example/cognito-idp.eu-west-1.amazonaws.com/" + PoolId,
        "https://xcognito-idp.eu-west-1.amazonaws.com/" + PoolId,
        "https://issuer-cognito-idp.eu-west-1.amazonaws.com.evil.example/" + PoolId,
        "http://cognito-idp.eu-west-1.amazonaws.com/" + PoolId,
        "http://issuer-cognito-idp.eu-west-1.amazonaws.com/" + PoolId,
        Issuer + "/",
        UpdatedIssuer + "/",
        "https://COGNITO-IDP.eu-west-1.amazonaws.com/" + PoolId,
        "https://cognito-idp.eu-west-1.amazonaws.com/" + PoolId + "x",
        "https://cognito-idp.eu-west-1.amazonaws.com.cn/" + PoolId,
        "https://issuer-cognito-idp.eu-west-1.amazonaws.com/" + OtherPoolId,
        "https://cognito-idp.eu-central-1.amazonaws.com/" + PoolId,
    ];

    [Fact]
    public async Task ValidateAsync_UpdatedIssuerForPoolConfiguredById_AcceptedWithItsOwnJwksFetchedOnFirstToken()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        Assert.Equal(0, harness.Jwks.Requests); // no form pinned: nothing fetched at start

        var token = await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("iss", UpdatedIssuer)));
        await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("iss", UpdatedIssuer).With("jti", "2")));

        Assert.Equal(UpdatedIssuer, token.Issuer);
        Assert.Equal(PoolId, token.UserPoolId);
        Assert.Equal(UpdatedJwks, Assert.Single(harness.Jwks.RequestedUris).AbsoluteUri);
    }

    [Fact]
    public async Task ValidateAsync_BothFormsInUse_EachFormsJwksFetchedOnceAndOnlySeenFormsRefreshed()
    {
        await using var harness = await ValidatorHarness.CreateAsync();
        await harness.Validator.ValidateAccessTokenAsync(Access());
        var registry = harness.Services.GetRequiredService<CognitoUserPoolRegistry>();
        Assert.Single(registry.KeyCachesInUse);

        await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("iss", UpdatedIssuer)));

        Assert.Equal([Issuer + "/.well-known/jwks.json", UpdatedJwks], harness.Jwks.RequestedUris.Select(u => u.AbsoluteUri));
        Assert.Equal(2, registry.KeyCachesInUse.Count());
    }

    [Fact]
    public async Task ValidateAsync_IssuerFormPinned_OtherFormRejectedAndPinnedFormWarmedAtStart()
    {
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.IssuerForm = CognitoIssuerForm.Updated)));

        var error = await Assert.ThrowsAsync<CognitoTokenIssuerException>(async () => await harness.Validator.ValidateAccessTokenAsync(Access()));
        var token = await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("iss", UpdatedIssuer)));

        Assert.Equal($"The token's issuer '{Issuer}' is not accepted; expected '{UpdatedIssuer}'.", error.Message);
        Assert.Equal(UpdatedIssuer, token.Issuer);
        Assert.Equal(UpdatedJwks, Assert.Single(harness.Jwks.RequestedUris).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://cognito-idp.eu-central-1.amazonaws.com/" + PoolId)]
    [InlineData("https://issuer-cognito-idp.eu-central-1.amazonaws.com/" + PoolId)]
    public async Task ValidateAsync_ReplicaRegionToken_AcceptedWhenNamedRejectedOtherwise(string replicaIssuer)
    {
        var raw = Sign(Header(), AccessPayload().With("iss", replicaIssuer));
        await using var plain = await ValidatorHarness.CreateAsync();
        await using var withReplica = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.ReplicaRegions.Add("eu-central-1"))));

        await Assert.ThrowsAsync<CognitoTokenIssuerException>(async () => await plain.Validator.ValidateAccessTokenAsync(raw));
        var token = await withReplica.Validator.ValidateAccessTokenAsync(raw);

        Assert.Equal(replicaIssuer, token.Issuer);
        Assert.Equal(replicaIssuer + "/.well-known/jwks.json", Assert.Single(withReplica.Jwks.RequestedUris).AbsoluteUri);
    }

    [Fact]
    public async Task Options_ReplicaRegionOfAnotherPartition_FailsAtStart()
    {
        var services = new ServiceCollection();
        services.AddCognitoTokenValidation(o => o.UserPools.Add(Pool(p => p.ReplicaRegions.Add("cn-north-1"))));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value);

        Assert.Contains($"CognitoUserPoolTokenOptions.ReplicaRegions of user pool '{PoolId}' 'cn-north-1' is not a region of the aws partition", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task ValidateAsync_LookAlikeIssuer_Rejected(string issuer)
    {
        await using var harness = await ValidatorHarness.CreateAsync();

        var error = await Assert.ThrowsAsync<CognitoTokenIssuerException>(
            async () => await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("iss", issuer))));

        Assert.Equal($"'{Issuer}', '{UpdatedIssuer}'", error.Expected);
        Assert.Equal(0, harness.Jwks.Requests);
    }

    [Fact]
    public async Task ValidateAsync_AwsChinaPool_IssuersInAmazonawsComCnAndTokenAccepted()
    {
        const string cnPool = "cn-north-1_CnPool1";
        const string cnIssuer = "https://cognito-idp.cn-north-1.amazonaws.com.cn/" + cnPool;
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.UserPoolId = cnPool)));
        var registry = harness.Services.GetRequiredService<CognitoUserPoolRegistry>();

        var token = await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("iss", cnIssuer)));
        var global = await Assert.ThrowsAsync<CognitoTokenIssuerException>(async () => await harness.Validator.ValidateAccessTokenAsync(
            Sign(Header(), AccessPayload().With("iss", "https://cognito-idp.cn-north-1.amazonaws.com/" + cnPool))));

        Assert.Equal([cnIssuer, "https://issuer-cognito-idp.cn-north-1.amazonaws.com.cn/" + cnPool], registry.Issuers.Select(i => i.Value));
        Assert.Equal(cnIssuer, token.Issuer);
        Assert.Equal(cnIssuer + "/.well-known/jwks.json", Assert.Single(harness.Jwks.RequestedUris).AbsoluteUri);
        Assert.NotNull(global);
    }

    [Fact]
    public async Task ValidateAsync_MotoStyleAwsIssuerWithLoopbackJwks_KeysFetchedFromTheSeparateLocation()
    {
        const string loopbackJwks = "http://127.0.0.1:5000/" + PoolId + "/.well-known/jwks.json";
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.JwksUri = new Uri(loopbackJwks))));

        var original = await harness.Validator.ValidateAccessTokenAsync(Access());
        var updated = await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("iss", UpdatedIssuer)));

        Assert.Equal(Issuer, original.Issuer);
        Assert.Equal(UpdatedIssuer, updated.Issuer);
        Assert.Equal(loopbackJwks, Assert.Single(harness.Jwks.RequestedUris).AbsoluteUri);
    }

    [Fact]
    public async Task ValidateAsync_PreSeededJwks_ValidatesWithNoNetworkAtAll()
    {
        var offline = new FakeJwksHandler { Throw = new HttpRequestException("no network") };
        await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.Jwks = TestKeys.PoolJwks())), jwks: offline);

        var token = await harness.Validator.ValidateAccessTokenAsync(Access());
        var unknown = await Assert.ThrowsAsync<CognitoSigningKeyNotFoundException>(async () => await harness.Validator.ValidateAccessTokenAsync(Access(TestKeys.Key2, kid: "key-2")));
        harness.Time.Advance(TimeSpan.FromHours(3));
        await harness.Services.GetRequiredService<CognitoUserPoolRegistry>().KeyCachesInUse.Single().RefreshAsync();

        Assert.Equal("key-1", token.KeyId);
        Assert.Equal($"The signing key 'key-2' is not in the JWKS of user pool '{PoolId}'.", unknown.Message);
        Assert.Equal(0, offline.Requests);
    }

    [Fact]
    public async Task ValidateAsync_JwksFromFile_ValidatesWithNoNetwork()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, TestKeys.PoolJwks());
        try
        {
            var offline = new FakeJwksHandler { FailWith = HttpStatusCode.ServiceUnavailable };
            await using var harness = await ValidatorHarness.CreateAsync(o => o.UserPools.Add(Pool(p => p.JwksFile = file)), jwks: offline);

            var token = await harness.Validator.ValidateAccessTokenAsync(Sign(Header(), AccessPayload().With("iss", UpdatedIssuer)));

            Assert.Equal(UpdatedIssuer, token.Issuer);
            Assert.Equal(0, offline.Requests);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("{\"nokeys\":[]}", "CognitoUserPoolTokenOptions.Jwks of user pool 'eu-west-1_TestPool1' is not a readable JWKS document")]
    [InlineData("{\"keys\":[]}", "CognitoUserPoolTokenOptions.Jwks of user pool 'eu-west-1_TestPool1' holds no usable RS256 signing key.")]
    public async Task Options_BadPreSeededJwks_FailsAtStart(string jwks, string expected)
    {
        var services = new ServiceCollection();
        services.AddCognitoTokenValidation(o => o.UserPools.Add(Pool(p => p.Jwks = jwks)));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://jwks.example.com/keys.json", false, true)]
    [InlineData("http://jwks.example.com/keys.json", true, false)]
    [InlineData("http://127.0.0.1:5000/keys.json", false, false)]
    [InlineData("http://localhost:5000/keys.json", false, false)]
    [InlineData("https://jwks.example.com/keys.json", false, false)]
    public async Task Options_HttpJwksUri_OnlyLoopbackUnlessInsecureOptionSet(string jwksUri, bool allowInsecure, bool fails)
    {
        var services = new ServiceCollection();
        services.AddCognitoTokenValidation(o => o.UserPools.Add(Pool(p =>
        {
            p.JwksUri = new Uri(jwksUri);
            p.AllowInsecureHttp = allowInsecure;
        })));
        await using var provider = services.BuildServiceProvider();

        var error = Record.Exception(() => provider.GetRequiredService<IOptions<CognitoTokenValidationOptions>>().Value);

        Assert.Equal(fails, error is OptionsValidationException);
        if (fails)
        {
            Assert.Contains("uses plain http on a host other than loopback", error!.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://cognito.internal.example/", false, "Cognito:ServiceUrl 'http://cognito.internal.example/' uses plain http on a host other than loopback")]
    [InlineData("http://cognito.internal.example/", true, null)]
    [InlineData("http://127.0.0.1:9229/", false, null)]
    public void AddCognitoAuth_HttpServiceUrl_OnlyLoopbackUnlessInsecureOptionSet(string serviceUrl, bool allowInsecure, string? expected)
    {
        var services = new ServiceCollection();
        services.AddCognitoAuth(o =>
        {
            o.UserPoolId = PoolId;
            o.ClientId = ClientId;
            o.ServiceUrl = new Uri(serviceUrl);
            o.AllowInsecureHttp = allowInsecure;
        });
        using var provider = services.BuildServiceProvider();

        var error = Record.Exception(() => provider.GetRequiredService<IOptions<CognitoAuthOptions>>().Value);

        if (expected is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(expected, Assert.IsType<OptionsValidationException>(error).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://cognito-idp-fips.eu-west-1.amazonaws.com/", new[] { Issuer, UpdatedIssuer })]
    [InlineData("https://vpce-0123-abcd.cognito-idp.eu-west-1.vpce.amazonaws.com/", new[] { Issuer, UpdatedIssuer })]
    [InlineData("http://127.0.0.1:9229/", new[] { "http://127.0.0.1:9229/" + PoolId })]
    public void Registry_ServiceUrl_IssuerDerivedFromItOnlyForLoopbackEmulators(string serviceUrl, string[] issuers)
    {
        var services = new ServiceCollection();
        services.Configure<CognitoAuthOptions>(o =>
        {
            o.UserPoolId = PoolId;
            o.ClientId = ClientId;
            o.ServiceUrl = new Uri(serviceUrl);
        });
        services.AddCognitoTokenValidation();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(issuers, provider.GetRequiredService<CognitoUserPoolRegistry>().Issuers.Select(i => i.Value));
    }

    private static CognitoUserPoolTokenOptions Pool(Action<CognitoUserPoolTokenOptions> configure)
    {
        var pool = new CognitoUserPoolTokenOptions { UserPoolId = PoolId };
        pool.ClientIds.Add(ClientId);
        configure(pool);
        return pool;
    }
}
