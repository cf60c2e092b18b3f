using Amazon.DynamoDBv2.Model;
using Exanubes.Cognito.Idempotency.DynamoDb.IntegrationTests.Support;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Time.Testing;

namespace Exanubes.Cognito.Idempotency.DynamoDb.IntegrationTests.Store;

/// <summary>The DynamoDB store against moto_server's DynamoDB on loopback: real conditional writes, real items.</summary>
public sealed class DynamoDbIdempotencyStoreTests(DynamoDbFixture dynamo) : IClassFixture<DynamoDbFixture>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TryBeginAsync_ThenComplete_SecondDeliveryIsInProgressThenCompleted()
    {
        var table = await dynamo.CreateTableAsync();
        var time = new FakeTimeProvider(Start);
        using var client = dynamo.NewClient();
        var store = Store(client, table, time);

        var claim = await store.TryBeginAsync("k1", default);
        var second = await store.TryBeginAsync("k1", default);
        await store.CompleteAsync(claim, default);
        var third = await store.TryBeginAsync("k1", default);

        Assert.Equal(IdempotencyClaimStatus.Acquired, claim.Status);
        Assert.Equal(IdempotencyClaimStatus.InProgress, second.Status);
        Assert.Equal(Start + TimeSpan.FromMinutes(2), second.LeaseExpiresAt);
        Assert.Equal(IdempotencyClaimStatus.Completed, third.Status);
        Assert.Equal(2, client.Counter.Count);

        var item = (await client.GetItemAsync(new GetItemRequest { TableName = table, Key = new() { ["id"] = new() { S = "k1" } }, ConsistentRead = true })).Item;
        Assert.Equal("COMPLETED", item["status"].S);
        Assert.Equal((Start + TimeSpan.FromHours(6)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["expiresAt"].N);
        Assert.False(item.ContainsKey("leaseId"));
    }

    [Fact]
    public async Task TryBeginAsync_FiftyStoresWithTheirOwnClientsAtOnce_OneAcquiresFortyNineConditionalFailures()
    {
        var table = await dynamo.CreateTableAsync();
        var counter = new ConditionalFailureCounter();
        var clients = Enumerable.Range(0, 50).Select(_ => dynamo.NewClient(counter)).ToList();
        var stores = clients.Select(c => Store(c, table, TimeProvider.System)).ToList();
        using var go = new ManualResetEventSlim();

        var claims = stores.Select(s => Task.Run(async () =>
        {
            go.Wait();
            return await s.TryBeginAsync("same-event", default);
        })).ToArray();
        go.Set();
        var results = await Task.WhenAll(claims);

        Assert.Single(results, r => r.Status == IdempotencyClaimStatus.Acquired);
        Assert.Equal(49, results.Count(r => r.Status == IdempotencyClaimStatus.InProgress));
        Assert.Equal(49, counter.Count);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task TryBeginAsync_CrashedHolder_IsTakenOverOnlyAfterItsLeaseExpires()
    {
        var table = await dynamo.CreateTableAsync();
        var time = new FakeTimeProvider(Start);
        using var client = dynamo.NewClient();
        var store = Store(client, table, time);
        var crashed = await store.TryBeginAsync("k", default);

        time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(IdempotencyClaimStatus.InProgress, (await store.TryBeginAsync("k", default)).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        var takeover = await store.TryBeginAsync("k", default);

        Assert.Equal(IdempotencyClaimStatus.Acquired, takeover.Status);
        Assert.NotEqual(crashed.LeaseId, takeover.LeaseId);

        // The crashed holder's late release is refused by the condition and leaves the new lease alone.
        await store.ReleaseAsync(crashed, default);
        Assert.Equal(IdempotencyClaimStatus.InProgress, (await store.TryBeginAsync("k", default)).Status);
        await store.ReleaseAsync(takeover, default);
        Assert.Equal(IdempotencyClaimStatus.Acquired, (await store.TryBeginAsync("k", default)).Status);
    }

    [Fact]
    public async Task TryBeginAsync_CompletedItemPastItsTtlButNotReaped_IsIgnored()
    {
        var table = await dynamo.CreateTableAsync();
        var time = new FakeTimeProvider(Start);
        using var client = dynamo.NewClient();
        var store = Store(client, table, time);
        await store.CompleteAsync(await store.TryBeginAsync("k", default), default);

        time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        Assert.Equal(IdempotencyClaimStatus.Completed, (await store.TryBeginAsync("k", default)).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        var stale = (await client.GetItemAsync(new GetItemRequest { TableName = table, Key = new() { ["id"] = new() { S = "k" } }, ConsistentRead = true })).Item;
        Assert.Equal("COMPLETED", stale["status"].S);

        Assert.Equal(IdempotencyClaimStatus.Acquired, (await store.TryBeginAsync("k", default)).Status);
    }

    [Fact]
    public async Task Table_HasTimeToLiveOnExpiresAt()
    {
        var table = await dynamo.CreateTableAsync();
        using var client = dynamo.NewClient();
        var store = Store(client, table, new FakeTimeProvider(Start));
        await store.TryBeginAsync("k", default);

        var ttl = await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table });
        var item = (await client.GetItemAsync(new GetItemRequest { TableName = table, Key = new() { ["id"] = new() { S = "k" } }, ConsistentRead = true })).Item;

        Assert.Equal("expiresAt", ttl.TimeToLiveDescription.AttributeName);
        Assert.Equal("IN_PROGRESS", item["status"].S);
        Assert.Equal((Start + TimeSpan.FromMinutes(2)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["leaseExpiresAt"].N);
        Assert.NotNull(item["expiresAt"].N);
    }

    [Fact]
    public async Task TryBeginAsync_MissingTable_ThrowsTheDynamoDbError()
    {
        using var client = dynamo.NewClient();
        var store = Store(client, "no-such-table", TimeProvider.System);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => store.TryBeginAsync("k", default).AsTask());
    }

    [Fact]
    public void Constructor_NoTableName_NamesTheSetting()
    {
        using var client = dynamo.NewClient();

        var ex = Assert.Throws<ArgumentException>(() => new DynamoDbIdempotencyStore(client, new DynamoDbIdempotencyStoreOptions(), TimeProvider.System));

        Assert.Contains("TableName", ex.Message, StringComparison.Ordinal);
    }

    private static DynamoDbIdempotencyStore Store(CountingDynamoDbClient client, string table, TimeProvider time)
        => new(client, new DynamoDbIdempotencyStoreOptions { TableName = table }, time);
}
