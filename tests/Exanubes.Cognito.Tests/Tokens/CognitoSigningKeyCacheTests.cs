using System.Net;
using Exanubes.Cognito.Authentication;
using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Exanubes.Cognito.Tests.Tokens.TestTokens;

namespace Exanubes.Cognito.Tests.Tokens;

public sealed class CognitoSigningKeyCacheTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WarmUp_AtStart_FetchesOnceFromTheDerivedAddress()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync();

        await harness.Validator.ValidateAccessTokenAsync(Access());

        Assert.Equal(1, harness.Jwks.Requests);
        Assert.Equal(Issuer + "/.well-known/jwks.json", Assert.Single(harness.Jwks.RequestedUris).AbsoluteUri);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 3000 && r.Level == LogLevel.Information);
    }

    [Fact]
    public async Task Rotation_NewKidAfterInterval_AcceptedAfterOneRefetch()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync(o => o.ValidatedTokenCacheBytes = 0);
        harness.Jwks.Jwks = TestKeys.PoolJwks(TestKeys.RsaJwk("key-2", TestKeys.Key2));
        harness.Time.Advance(Interval);

        var token = await harness.Validator.ValidateAccessTokenAsync(Access(TestKeys.Key2, kid: "key-2"));

        Assert.Equal("key-2", token.KeyId);
        Assert.Equal(2, harness.Jwks.Requests);
        Assert.NotNull(await harness.Validator.ValidateAccessTokenAsync(Access()));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 3005 && r.Message.Contains("key-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rotation_NewKidWithinInterval_RejectedWithoutFetchThenAcceptedOnceIntervalPassed()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync();
        harness.Jwks.Jwks = TestKeys.PoolJwks(TestKeys.RsaJwk("key-2", TestKeys.Key2));
        var rotated = Access(TestKeys.Key2, kid: "key-2");
        harness.Time.Advance(TimeSpan.FromSeconds(9));

        await Assert.ThrowsAsync<CognitoSigningKeyNotFoundException>(async () => await harness.Validator.ValidateAccessTokenAsync(rotated));
        Assert.Equal(1, harness.Jwks.Requests);
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("key-2", (await harness.Validator.ValidateAccessTokenAsync(rotated)).KeyId);
        Assert.Equal(2, harness.Jwks.Requests);
    }

    [Fact]
    public async Task RateLimit_ThousandForgedKids_AtMostOneFetchPerInterval()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync();
        var forged = Enumerable.Range(0, 1000).Select(i => Access(kid: $"forged-{i}")).ToArray();

        for (var round = 1; round <= 3; round++)
        {
            harness.Time.Advance(Interval);
            var results = await Task.WhenAll(forged.Select(t => harness.Validator.TryValidateAsync(t, CognitoTokenUse.Access).AsTask()));

            Assert.All(results, r => Assert.IsType<CognitoSigningKeyNotFoundException>(r.Error));
            Assert.Equal(1 + round, harness.Jwks.Requests);
        }
    }

    [Fact]
    public async Task RateLimit_ConcurrentMissesDuringSlowFetch_ShareOneFetch()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Jwks.Hold = release.Task;
        harness.Jwks.Jwks = TestKeys.PoolJwks(TestKeys.RsaJwk("key-2", TestKeys.Key2));
        harness.Time.Advance(Interval);
        var rotated = Access(TestKeys.Key2, kid: "key-2");

        var pending = Enumerable.Range(0, 200).Select(_ => harness.Validator.ValidateAccessTokenAsync(rotated).AsTask()).ToArray();
        Assert.All(pending, t => Assert.False(t.IsCompleted));
        release.SetResult();
        var tokens = await Task.WhenAll(pending);

        Assert.All(tokens, t => Assert.Equal("key-2", t.KeyId));
        Assert.Equal(2, harness.Jwks.Requests);
    }

    [Fact]
    public async Task Outage_AfterWarmUp_ValidTokensStillAcceptedAndLastKeysKept()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync(o => o.ValidatedTokenCacheBytes = 0);
        harness.Jwks.FailWith = HttpStatusCode.ServiceUnavailable;
        harness.Time.Advance(Interval);

        await Assert.ThrowsAsync<CognitoSigningKeyNotFoundException>(async () => await harness.Validator.ValidateAccessTokenAsync(Access(kid: "forged")));
        var token = await harness.Validator.ValidateAccessTokenAsync(Access());

        Assert.Equal(Subject, token.Subject);
        Assert.Equal(2, harness.Jwks.Requests);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 3001 && r.Level == LogLevel.Warning && r.Message.Contains("503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outage_FromTheStart_FailsClosedWithErrorLogThenRecovers()
    {
        var jwks = new FakeJwksHandler { FailWith = HttpStatusCode.ServiceUnavailable };
        await using var harness = await ValidatorHarness.CreatePinnedAsync(jwks: jwks);

        var error = await Assert.ThrowsAsync<CognitoSigningKeyNotFoundException>(async () => await harness.Validator.ValidateAccessTokenAsync(Access()));
        Assert.Equal($"No signing keys are loaded for user pool '{PoolId}'; the JWKS could not be fetched.", error.Message);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 3002 && r.Level == LogLevel.Error);
        Assert.Equal(1, jwks.Requests);

        jwks.FailWith = null;
        harness.Time.Advance(Interval);
        var token = await harness.Validator.ValidateAccessTokenAsync(Access());

        Assert.Equal(Subject, token.Subject);
        Assert.Equal(2, jwks.Requests);
    }

    [Fact]
    public async Task Fetch_ResponseLargerThanCap_RejectedAndLogged()
    {
        var jwks = new FakeJwksHandler { Jwks = TestKeys.Jwks(TestKeys.RsaJwk("key-1", TestKeys.Key1).With("x-padding", new string('p', 70_000))) };
        await using var harness = await ValidatorHarness.CreatePinnedAsync(jwks: jwks);

        await Assert.ThrowsAsync<CognitoSigningKeyNotFoundException>(async () => await harness.Validator.ValidateAccessTokenAsync(Access()));

        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 3001 && r.Message.Contains("65536", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_EndpointHangs_TimesOutOnTheFakeClock()
    {
        var jwks = new FakeJwksHandler { Hold = new TaskCompletionSource().Task };
        await using var harness = await ValidatorHarness.CreatePinnedAsync(warm: false, jwks: jwks);

        var pending = harness.Validator.ValidateAccessTokenAsync(Access()).AsTask();
        Assert.False(pending.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<CognitoSigningKeyNotFoundException>(() => pending);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 3001 && r.Message.Contains("did not complete within 5 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_JwksNotAnObject_KeepsLastGoodKeys()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync(o => o.ValidatedTokenCacheBytes = 0);
        harness.Jwks.Jwks = "[]";
        harness.Time.Advance(Interval);

        await harness.Validator.TryValidateAsync(Access(kid: "forged"), CognitoTokenUse.Access);

        Assert.Equal(2, harness.Jwks.Requests);
        Assert.NotNull(await harness.Validator.ValidateAccessTokenAsync(Access()));
        Assert.Equal("The JWKS is not a JSON object with a 'keys' array.", harness.Keys.LastError);
    }

    [Fact]
    public async Task Fetch_JwksStringWithLoneSurrogate_KeepsLastGoodKeys()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync(o => o.ValidatedTokenCacheBytes = 0);
        harness.Jwks.Jwks = TestKeys.PoolJwks(TestKeys.RsaJwk("key-2", TestKeys.Key2).With("use", "@"))
            .Replace("\"@\"", "\"\\ud800\"", StringComparison.Ordinal);
        harness.Time.Advance(Interval);

        var result = await harness.Validator.TryValidateAsync(Access(kid: "forged"), CognitoTokenUse.Access);

        Assert.IsType<CognitoSigningKeyNotFoundException>(result.Error);
        Assert.Equal(2, harness.Jwks.Requests);
        Assert.NotNull(await harness.Validator.ValidateAccessTokenAsync(Access()));
        Assert.Equal("The JWKS is not valid JSON.", harness.Keys.LastError);
    }

    [Fact]
    public async Task PeriodicRefresh_AfterRefreshPeriod_FetchesAgain()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync();

        await AdvanceUntil(harness, () => harness.Jwks.Requests >= 2);
        await WaitUntil(() => harness.Keys.LastSuccess == harness.Time.GetUtcNow());

        Assert.Equal(2, harness.Jwks.Requests);
        Assert.Equal(harness.Time.GetUtcNow(), harness.Keys.LastSuccess);
    }

    [Fact]
    public async Task PeriodicRefresh_UnexpectedFailureInOneRound_KeepsRefreshing()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync();
        harness.Jwks.Throw = new InvalidOperationException("unplanned failure");

        await AdvanceUntil(harness, () => harness.Jwks.Requests >= 2);
        harness.Jwks.Throw = null;
        var failedAt = harness.Time.GetUtcNow();
        await AdvanceUntil(harness, () => harness.Jwks.Requests >= 3);
        await WaitUntil(() => harness.Keys.LastSuccess > failedAt);

        Assert.Equal(3, harness.Jwks.Requests);
        Assert.Equal(harness.Time.GetUtcNow(), harness.Keys.LastSuccess);
        Assert.True(harness.Keys.LastSuccess > failedAt, "the round after the failure fetched the keys");
    }

    [Fact]
    public async Task HealthCheck_KeysLoaded_Healthy()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync();

        var result = await Check(harness);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task HealthCheck_NoKeys_Unhealthy()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync(jwks: new FakeJwksHandler { FailWith = HttpStatusCode.InternalServerError });

        var result = await Check(harness);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal($"No signing keys loaded for {PoolId} ({Issuer}/.well-known/jwks.json); their tokens are rejected.", result.Description);
    }

    [Fact]
    public async Task HealthCheck_FormsNotPinnedNorSeen_NotCheckedUntilATokenArrives()
    {
        await using var harness = await ValidatorHarness.CreateAsync(jwks: new FakeJwksHandler { FailWith = HttpStatusCode.InternalServerError });

        var before = await Check(harness);
        await harness.Validator.TryValidateAsync(Sign(Header(), AccessPayload().With("iss", UpdatedIssuer)), CognitoTokenUse.Access);
        var after = await Check(harness);

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(0 + 1, harness.Jwks.Requests);
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
        Assert.Equal($"No signing keys loaded for {PoolId} ({UpdatedIssuer}/.well-known/jwks.json); their tokens are rejected.", after.Description);
    }

    [Fact]
    public async Task HealthCheck_RefreshFailingForTwoPeriods_Degraded()
    {
        await using var harness = await ValidatorHarness.CreatePinnedAsync();
        harness.Jwks.FailWith = HttpStatusCode.BadGateway;

        harness.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        var result = await Check(harness);

        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    [Fact]
    public async Task AddCognitoSigningKeys_RegisteredHealthCheck_ReportsThroughHealthCheckService()
    {
        var services = new ServiceCollection();
        ValidatorHarness.Register(services, new FakeJwksHandler(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));
        services.AddCognitoTokenValidation(o =>
        {
            var pool = new CognitoUserPoolTokenOptions { UserPoolId = PoolId, IssuerForm = CognitoIssuerForm.Original };
            pool.ClientIds.Add(ClientId);
            o.UserPools.Add(pool);
        });
        services.AddHealthChecks().AddCognitoSigningKeys(tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        var before = await health.CheckHealthAsync();
        await provider.GetRequiredService<CognitoUserPoolRegistry>().Pools[0].Issuers[0].Keys.RefreshAsync();
        var after = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, before.Entries[CognitoAuthenticationDefaults.HealthCheckName].Status);
        Assert.Equal(HealthStatus.Healthy, after.Entries[CognitoAuthenticationDefaults.HealthCheckName].Status);
        Assert.Contains("ready", after.Entries[CognitoAuthenticationDefaults.HealthCheckName].Tags);
    }

    private static Task<HealthCheckResult> Check(ValidatorHarness harness)
    {
        var check = new CognitoSigningKeysHealthCheck(
            harness.Services.GetRequiredService<CognitoUserPoolRegistry>(), harness.Time);
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("cognito-signing-keys", check, HealthStatus.Unhealthy, null),
        };
        return check.CheckHealthAsync(context);
    }

    /// <summary>
    /// Advances the fake clock a quarter of the refresh period at a time until <paramref name="condition"/> holds. The
    /// refresh loop arms its next delay only after a round ends (a failed one is logged first), so a single advance
    /// made before it re-armed would be missed on a loaded machine.
    /// </summary>
    private static async Task AdvanceUntil(ValidatorHarness harness, Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(15));
            await Task.Delay(10);
        }

        Assert.True(condition(), "the periodic refresh did not run");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }
}
