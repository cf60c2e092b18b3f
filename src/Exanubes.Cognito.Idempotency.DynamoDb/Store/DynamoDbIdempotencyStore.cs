using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Exanubes.Cognito.Lambda;

namespace Exanubes.Cognito.Idempotency.DynamoDb;

/// <summary>
/// An <see cref="IIdempotencyStore"/> on a DynamoDB table, atomic across every container and function that shares the
/// table: a claim is one conditional <c>PutItem</c> that succeeds only when no item exists, the item has expired, or
/// its lease has expired; of concurrent deliveries exactly one gets it and the others get
/// <c>ConditionalCheckFailedException</c>.
/// </summary>
/// <remarks>
/// DynamoDB deletes expired items late (often within days, never exactly on time), so the condition and every read
/// compare <c>expiresAt</c> with the clock themselves. Completion is an unconditional put: once the provider accepted the
/// mail it must never go again, even if the lease ran out meanwhile. Release deletes the item only while it still holds
/// this delivery's lease. See <see href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html"/>.
/// </remarks>
public sealed class DynamoDbIdempotencyStore : IIdempotencyStore
{
    private const string ClaimCondition =
        "attribute_not_exists(#id) OR #expiresAt <= :nowSeconds OR (#status = :inProgress AND #leaseExpiresAt <= :nowMs)";

    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly TimeProvider _time;
    private readonly string _table;
    private readonly TimeSpan _lease;
    private readonly TimeSpan _retention;

    /// <summary>Creates the store.</summary>
    /// <param name="dynamoDb">The DynamoDB client.</param>
    /// <param name="options">The table, lease and retention.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The table name is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Lease or retention is out of range.</exception>
    public DynamoDbIdempotencyStore(IAmazonDynamoDB dynamoDb, DynamoDbIdempotencyStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrWhiteSpace(options.TableName))
        {
            throw new ArgumentException("DynamoDbIdempotencyStoreOptions.TableName is required: the table with partition key 'id' (S) and TTL on 'expiresAt'.", nameof(options));
        }

        options.Validate();
        _dynamoDb = dynamoDb;
        _time = timeProvider;
        _table = options.TableName;
        _lease = options.LeaseDuration;
        _retention = options.Retention;
    }

    /// <inheritdoc/>
    /// <exception cref="AmazonDynamoDBException">DynamoDB refused or failed the request (other than the condition).</exception>
    public async ValueTask<IdempotencyClaim> TryBeginAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = _time.GetUtcNow();
        var lease = Guid.NewGuid().ToString("N");
        var leaseEnds = now + _lease;
        try
        {
            await _dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [DynamoDbItem.Id] = new() { S = key },
                    [DynamoDbItem.Status] = new() { S = DynamoDbItem.InProgress },
                    [DynamoDbItem.LeaseId] = new() { S = lease },
                    [DynamoDbItem.LeaseExpiresAt] = Number(leaseEnds.ToUnixTimeMilliseconds()),
                    [DynamoDbItem.ExpiresAt] = Number((now + _retention).ToUnixTimeSeconds()),
                },
                ConditionExpression = ClaimCondition,
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["#id"] = DynamoDbItem.Id,
                    ["#status"] = DynamoDbItem.Status,
                    ["#leaseExpiresAt"] = DynamoDbItem.LeaseExpiresAt,
                    ["#expiresAt"] = DynamoDbItem.ExpiresAt,
                },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [":inProgress"] = new() { S = DynamoDbItem.InProgress },
                    [":nowMs"] = Number(now.ToUnixTimeMilliseconds()),
                    [":nowSeconds"] = Number(now.ToUnixTimeSeconds()),
                },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken).ConfigureAwait(false);
            return IdempotencyClaim.Acquired(key, lease, leaseEnds);
        }
        catch (ConditionalCheckFailedException ex)
        {
            var item = ex.Item is { Count: > 0 } old ? old : await ReadAsync(key, cancellationToken).ConfigureAwait(false);
            return Classify(key, item, now);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The claim was not acquired.</exception>
    /// <exception cref="AmazonDynamoDBException">DynamoDB refused or failed the write.</exception>
    public async ValueTask CompleteAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        IdempotencyClaim.RequireLease(claim);
        await _dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = _table,
            Item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [DynamoDbItem.Id] = new() { S = claim.Key },
                [DynamoDbItem.Status] = new() { S = DynamoDbItem.Completed },
                [DynamoDbItem.ExpiresAt] = Number((_time.GetUtcNow() + _retention).ToUnixTimeSeconds()),
            },
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The claim was not acquired.</exception>
    /// <exception cref="AmazonDynamoDBException">DynamoDB refused or failed the delete.</exception>
    public async ValueTask ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        var lease = IdempotencyClaim.RequireLease(claim);
        try
        {
            await _dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = _table,
                Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [DynamoDbItem.Id] = new() { S = claim.Key } },
                ConditionExpression = "#status = :inProgress AND #leaseId = :lease",
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#status"] = DynamoDbItem.Status, ["#leaseId"] = DynamoDbItem.LeaseId },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                {
                    [":inProgress"] = new() { S = DynamoDbItem.InProgress },
                    [":lease"] = new() { S = lease },
                },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Another delivery took the lease over (or completed the event) meanwhile: it is theirs now.
        }
    }

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var response = await _dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [DynamoDbItem.Id] = new() { S = key } },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item;
    }

    /// <summary>What a failed claim found. An item gone or expired by now was deleted or taken in between: report it in progress, so the delivery fails and Lambda retries.</summary>
    private static IdempotencyClaim Classify(string key, Dictionary<string, AttributeValue>? item, DateTimeOffset now)
    {
        if (item is null || item.Count == 0 || ReadNumber(item, DynamoDbItem.ExpiresAt) is not { } expires || expires <= now.ToUnixTimeSeconds())
        {
            return IdempotencyClaim.InProgress(key, null);
        }

        if (item.TryGetValue(DynamoDbItem.Status, out var status) && status.S == DynamoDbItem.Completed)
        {
            return IdempotencyClaim.Completed(key);
        }

        var leaseEnds = ReadNumber(item, DynamoDbItem.LeaseExpiresAt) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        return IdempotencyClaim.InProgress(key, leaseEnds);
    }

    private static long? ReadNumber(Dictionary<string, AttributeValue> item, string name)
        => item.TryGetValue(name, out var value) && long.TryParse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
