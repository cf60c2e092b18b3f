namespace Exanubes.Cognito.Idempotency.DynamoDb;

/// <summary>
/// Where <see cref="DynamoDbIdempotencyStore"/> keeps its claims: a table with a string partition key
/// <c>id</c> and Time to Live enabled on the number attribute <c>expiresAt</c> (epoch seconds).
/// </summary>
/// <remarks>
/// The function needs <c>dynamodb:PutItem</c>, <c>dynamodb:GetItem</c> and <c>dynamodb:DeleteItem</c> on this table and
/// nothing else. Items hold only a hash of the encrypted code (or of the takeover event id), never a code.
/// </remarks>
public sealed class DynamoDbIdempotencyStoreOptions : Exanubes.Cognito.Lambda.IdempotencyStoreOptions
{
    /// <summary>The table name. Required; no default.</summary>
    public string TableName { get; set; } = string.Empty;
}
