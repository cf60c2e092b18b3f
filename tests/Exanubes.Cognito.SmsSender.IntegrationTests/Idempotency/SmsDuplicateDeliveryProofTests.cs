using System.Text.Json;
using Exanubes.Cognito.Idempotency.DynamoDb;
using Exanubes.Cognito.Idempotency.DynamoDb.IntegrationTests.Support;
using Exanubes.Cognito.Lambda;
using Exanubes.Cognito.SmsSender.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Exanubes.Cognito.SmsSender.IntegrationTests.Idempotency;

/// <summary>
/// The SMS twin's duplicate proof over the shared duplicate suppression: one custom SMS sender event (JS ESDK
/// ciphertext) delivered 50 times at once to 50 separate function instances, each with its own DynamoDB client,
/// sharing one table in moto_server; the SMS goes to the development sink's file, whose lines are counted.
/// </summary>
public sealed class SmsDuplicateDeliveryProofTests(DynamoDbFixture dynamo, ITestOutputHelper output) : IClassFixture<DynamoDbFixture>
{
    private const int Deliveries = 50;

    [Fact]
    public async Task FiftyFunctionInstancesWithTheirOwnDynamoDbClients_OneEventAtOnce_OneSmsFortyNineConditionalFailures()
    {
        var table = await dynamo.CreateTableAsync();
        var counter = new ConditionalFailureCounter();
        var inbox = Path.Combine(Path.GetTempPath(), $"sms-dup-{Guid.NewGuid():N}", "inbox.jsonl");
        var json = SmsEvents.Bytes("Authentication");
        var functions = Enumerable.Range(0, Deliveries).Select(_ => TestSmsFunction.Create(TestSmsFunction.Environment(), (services, _) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new EmailSender.Tests.Support.FakeKeyManagementService());
            services.AddDevelopmentSmsProvider(inbox);
            services.AddSingleton<Amazon.DynamoDBv2.IAmazonDynamoDB>(dynamo.NewClient(counter));
            services.AddDynamoDbIdempotencyStore(o => o.TableName = table);
        })).ToList();
        functions.ForEach(f => Assert.IsType<DynamoDbIdempotencyStore>(f.Services.GetRequiredService<IIdempotencyStore>()));

        using var gate = new ManualResetEventSlim();
        var tasks = functions.Select(f => Task.Run(async () =>
        {
            gate.Wait();
            try
            {
                await f.HandleAsync(new MemoryStream(json));
                return "Returned";
            }
            catch (SmsSendInProgressException)
            {
                return "InProgress";
            }
        })).ToList();
        gate.Set();
        var outcomes = await Task.WhenAll(tasks);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var sent = File.ReadAllLines(inbox).Count(l => l.Length > 0);
        var logged = functions.SelectMany(f => f.Stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("eventId").GetInt32() is 7000 or 7001)
            .Select(e => e.GetProperty("Outcome").GetString()!)
            .ToList();
        output.WriteLine($"DynamoDB (SMS): deliveries in {Deliveries}, SMS out {sent}, conditional-check failures {counter.Count}, outcomes {string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Key}={g.Count()}"))}");
        Assert.Equal(1, sent);
        Assert.Equal(Deliveries - 1, counter.Count);
        Assert.Equal(1, logged.Count(o => o == "Sent"));
        Assert.Equal(Deliveries - 1, logged.Count(o => o is "Duplicate" or "Failed"));
        Assert.Equal(logged.Count(o => o == "Failed"), outcomes.Count(o => o == "InProgress"));
        Directory.Delete(Path.GetDirectoryName(inbox)!, true);
    }
}
