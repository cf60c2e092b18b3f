using Microsoft.Extensions.Time.Testing;

namespace Exanubes.Cognito.EmailSender.Tests.Idempotency;

public class InMemoryEmailIdempotencyStoreTests
{
    [Fact]
    public async Task WasSentAsync_AfterMarkSent_IsTrueUntilRetentionEnds()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryEmailIdempotencyStore(time);

        Assert.False(await store.WasSentAsync("k1", default));
        await store.MarkSentAsync("k1", default);
        Assert.True(await store.WasSentAsync("k1", default));
        Assert.False(await store.WasSentAsync("k2", default));

        time.Advance(InMemoryEmailIdempotencyStore.Retention - TimeSpan.FromSeconds(1));
        Assert.True(await store.WasSentAsync("k1", default));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(await store.WasSentAsync("k1", default));
    }

    [Fact]
    public async Task MarkSentAsync_AtCapacity_DropsExpiredFirst()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryEmailIdempotencyStore(time);
        for (var i = 0; i < InMemoryEmailIdempotencyStore.Capacity; i++)
        {
            await store.MarkSentAsync("old" + i, default);
        }

        time.Advance(InMemoryEmailIdempotencyStore.Retention + TimeSpan.FromMinutes(1));
        await store.MarkSentAsync("fresh", default);

        Assert.Equal(1, store.Count);
        Assert.True(await store.WasSentAsync("fresh", default));
    }

    [Fact]
    public async Task MarkSentAsync_AtCapacityNothingExpired_StaysBounded()
    {
        var store = new InMemoryEmailIdempotencyStore(new FakeTimeProvider());
        for (var i = 0; i <= InMemoryEmailIdempotencyStore.Capacity; i++)
        {
            await store.MarkSentAsync("k" + i, default);
        }

        Assert.True(store.Count <= InMemoryEmailIdempotencyStore.Capacity);
    }
}
