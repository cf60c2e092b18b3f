using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Idempotency.DynamoDb.IntegrationTests.Support;

/// <summary>
/// moto_server's DynamoDB on loopback with a table shaped as the store documents (partition key <c>id</c>, TTL on
/// <c>expiresAt</c>), and clients that count the conditional-check failures DynamoDB answered.
/// </summary>
public sealed class DynamoDbFixture : IAsyncLifetime
{
    private MotoServer? _moto;

    public Uri Endpoint => _moto!.Endpoint;

    public async Task InitializeAsync()
    {
        _moto = await MotoServer.StartAsync();
    }

    /// <summary>A new client of its own (as each Lambda container has), counting into <paramref name="counter"/>.</summary>
    public CountingDynamoDbClient NewClient(ConditionalFailureCounter? counter = null) => new(Endpoint, counter ?? new ConditionalFailureCounter());

    /// <summary>Creates a fresh table (unique name) as the CDK sample does: <c>id</c> (S) key, on-demand, TTL on <c>expiresAt</c>.</summary>
    public async Task<string> CreateTableAsync()
    {
        var name = "exanubes-idempotency-" + Guid.NewGuid().ToString("N")[..8];
        using var client = NewClient();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = name,
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expiresAt", Enabled = true },
        });
        return name;
    }

    public async Task DisposeAsync()
    {
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }
}

/// <summary>Counts <c>ConditionalCheckFailedException</c>s across clients.</summary>
public sealed class ConditionalFailureCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>A real DynamoDB client to moto that counts the conditional-check failures DynamoDB answered to PutItem.</summary>
public sealed class CountingDynamoDbClient(Uri endpoint, ConditionalFailureCounter counter)
    : AmazonDynamoDBClient(new BasicAWSCredentials("AKIDMOTO", "moto-secret"), new AmazonDynamoDBConfig { ServiceURL = endpoint.AbsoluteUri, AuthenticationRegion = "eu-west-1" })
{
    public ConditionalFailureCounter Counter => counter;

    public override async Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.PutItemAsync(request, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            counter.Add();
            throw;
        }
    }
}
