namespace Exanubes.Cognito.Idempotency.DynamoDb;

/// <summary>The item's attribute names and status values, one home for the store and its documentation.</summary>
internal static class DynamoDbItem
{
    /// <summary>The partition key (S): the event's key.</summary>
    public const string Id = "id";

    /// <summary>S: <see cref="InProgress"/> or <see cref="Completed"/>.</summary>
    public const string Status = "status";

    /// <summary>S: the lease holder's id (in-progress items only).</summary>
    public const string LeaseId = "leaseId";

    /// <summary>N: when the lease ends, Unix milliseconds (in-progress items only).</summary>
    public const string LeaseExpiresAt = "leaseExpiresAt";

    /// <summary>N: the Time to Live attribute, Unix seconds; DynamoDB deletes the item some time after it, so reads check it too.</summary>
    public const string ExpiresAt = "expiresAt";

    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
}
