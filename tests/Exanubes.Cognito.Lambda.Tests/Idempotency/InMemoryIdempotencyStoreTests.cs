using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Time.Testing;

namespace Exanubes.Cognito.Lambda.Tests.Idempotency;

/// <summary>The in-memory store: atomic claims, lease takeover after a crash, retention and capacity.</summary>
public class InMemoryIdempotencyStoreTests
{
    [Fact]
    public async Task TryBeginAsync_FreshKey_AcquiresThenReportsInProgressThenCompleted()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryIdempotencyStore(time);

        var claim = await store.TryBeginAsync("k1", default);
        var second = await store.TryBeginAsync("k1", default);
        await store.CompleteAsync(claim, default);
        var third = await store.TryBeginAsync("k1", default);

        Assert.Equal(IdempotencyClaimStatus.Acquired, claim.Status);
        Assert.NotNull(claim.LeaseId);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(2), claim.LeaseExpiresAt);
        Assert.Equal(IdempotencyClaimStatus.InProgress, second.Status);
        Assert.Equal(claim.LeaseExpiresAt, second.LeaseExpiresAt);
        Assert.Equal(IdempotencyClaimStatus.Completed, third.Status);
        Assert.Equal(IdempotencyClaimStatus.Acquired, (await store.TryBeginAsync("k2", default)).Status);
    }

    [Fact]
    public async Task TryBeginAsync_FiftyAtOnce_ExactlyOneAcquires()
    {
        var store = new InMemoryIdempotencyStore(TimeProvider.System);
        using var start = new ManualResetEventSlim();
        var claims = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await store.TryBeginAsync("same-event", default);
        })).ToArray();

        start.Set();
        var results = await Task.WhenAll(claims);

        Assert.Single(results, r => r.Status == IdempotencyClaimStatus.Acquired);
        Assert.Equal(49, results.Count(r => r.Status == IdempotencyClaimStatus.InProgress));
    }

    [Fact]
    public async Task TryBeginAsync_CrashedHolderLeaseExpired_IsTakenOver()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryIdempotencyStore(time, new IdempotencyStoreOptions { LeaseDuration = TimeSpan.FromSeconds(90) });
        var crashed = await store.TryBeginAsync("k", default);

        time.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal(IdempotencyClaimStatus.InProgress, (await store.TryBeginAsync("k", default)).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        var takeover = await store.TryBeginAsync("k", default);

        Assert.Equal(IdempotencyClaimStatus.Acquired, takeover.Status);
        Assert.NotEqual(crashed.LeaseId, takeover.LeaseId);

        // The crashed holder's late release must not free the new holder's lease.
        await store.ReleaseAsync(crashed, default);
        Assert.Equal(IdempotencyClaimStatus.InProgress, (await store.TryBeginAsync("k", default)).Status);
    }

    [Fact]
    public async Task ReleaseAsync_AfterFailedSend_LetsTheNextDeliveryAcquire()
    {
        var store = new InMemoryIdempotencyStore(new FakeTimeProvider());
        var claim = await store.TryBeginAsync("k", default);

        await store.ReleaseAsync(claim, default);

        Assert.Equal(IdempotencyClaimStatus.Acquired, (await store.TryBeginAsync("k", default)).Status);
    }

    [Fact]
    public async Task CompleteAsync_IsRememberedUntilRetentionEnds()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryIdempotencyStore(time);
        await store.CompleteAsync(await store.TryBeginAsync("k", default), default);

        time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        Assert.Equal(IdempotencyClaimStatus.Completed, (await store.TryBeginAsync("k", default)).Status);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(IdempotencyClaimStatus.Acquired, (await store.TryBeginAsync("k", default)).Status);
    }

    [Fact]
    public async Task CompleteAsync_NotAcquiredClaim_Throws()
    {
        var store = new InMemoryIdempotencyStore(new FakeTimeProvider());

        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteAsync(IdempotencyClaim.Completed("k"), default).AsTask());
    }

    [Fact]
    public async Task TryBeginAsync_AtCapacity_DropsExpiredFirstAndStaysBounded()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryIdempotencyStore(time);
        for (var i = 0; i < InMemoryIdempotencyStore.Capacity; i++)
        {
            await store.TryBeginAsync("old" + i, default);
        }

        time.Advance(TimeSpan.FromMinutes(3));
        await store.TryBeginAsync("fresh", default);
        Assert.Equal(1, store.Count);

        for (var i = 0; i <= InMemoryIdempotencyStore.Capacity; i++)
        {
            await store.TryBeginAsync("live" + i, default);
        }

        Assert.True(store.Count <= InMemoryIdempotencyStore.Capacity);
    }

    [Fact]
    public void Constructor_RetentionShorterThanLease_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryIdempotencyStore(TimeProvider.System, new IdempotencyStoreOptions { LeaseDuration = TimeSpan.FromHours(1), Retention = TimeSpan.FromMinutes(1) }));
}
