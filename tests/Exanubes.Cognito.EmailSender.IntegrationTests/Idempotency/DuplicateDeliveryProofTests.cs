using Exanubes.Cognito.EmailSender.IntegrationTests.Support;
using Exanubes.Cognito.EmailSender.Tests.Support;
using Exanubes.Cognito.Idempotency.DynamoDb;
using Exanubes.Cognito.Idempotency.DynamoDb.IntegrationTests.Support;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Exanubes.Cognito.EmailSender.IntegrationTests.Idempotency;

/// <summary>
/// The duplicate proof with real peers: one Cognito event (code encrypted by the JS Encryption SDK) delivered 50 times
/// at once, sent over SMTP to a real maildev. Across containers: 50 separate function instances, each with its own
/// DynamoDB client, sharing one table in moto_server. Within one container: one function instance, in-memory store.
/// </summary>
public sealed class DuplicateDeliveryProofTests(MaildevFixture maildev, DynamoDbFixture dynamo, ITestOutputHelper output)
    : IClassFixture<MaildevFixture>, IClassFixture<DynamoDbFixture>
{
    private const int Deliveries = 50;

    [Fact]
    public async Task FiftyFunctionInstancesWithTheirOwnDynamoDbClients_OneEventAtOnce_OneMailFortyNineConditionalFailures()
    {
        var table = await dynamo.CreateTableAsync();
        var counter = new ConditionalFailureCounter();
        var (recipient, json) = await OneEventAsync();
        var functions = Enumerable.Range(0, Deliveries).Select(_ => SmtpFunction(services =>
        {
            services.AddSingleton<Amazon.DynamoDBv2.IAmazonDynamoDB>(dynamo.NewClient(counter));
            services.AddDynamoDbIdempotencyStore(o => o.TableName = table);
        })).ToList();
        functions.ForEach(f => Assert.IsType<DynamoDbIdempotencyStore>(f.Services.GetRequiredService<IIdempotencyStore>()));

        var outcomes = await DeliverAtOnceAsync(functions.Select(f => (Func<Task>)(() => f.HandleAsync(new MemoryStream(json)))).ToList());

        var mails = await SettledCountAsync(recipient);
        output.WriteLine($"DynamoDB: deliveries in {Deliveries}, mails out {mails}, conditional-check failures {counter.Count}, outcomes {Describe(outcomes)}");
        Assert.Equal(1, mails);
        Assert.Equal(Deliveries - 1, counter.Count);
        var logged = LoggedOutcomes(functions);
        Assert.Equal(1, logged.Count(o => o == "Sent"));
        Assert.Equal(Deliveries - 1, logged.Count(o => o is "Duplicate" or "Failed"));
        Assert.Equal(logged.Count(o => o == "Failed"), outcomes.Count(o => o == "InProgress"));
    }

    [Fact]
    public async Task OneFunctionInstanceInMemoryStore_FiftyConcurrentDeliveries_OneMail()
    {
        var (recipient, json) = await OneEventAsync();
        var function = SmtpFunction(_ => { });
        Assert.IsType<InMemoryIdempotencyStore>(function.Services.GetRequiredService<IIdempotencyStore>());

        var outcomes = await DeliverAtOnceAsync(Enumerable.Range(0, Deliveries).Select(_ => (Func<Task>)(() => function.HandleAsync(new MemoryStream(json)))).ToList());

        var mails = await SettledCountAsync(recipient);
        output.WriteLine($"In-memory: deliveries in {Deliveries}, mails out {mails}, outcomes {Describe(outcomes)}");
        Assert.Equal(1, mails);
        var logged = LoggedOutcomes([function]);
        Assert.Equal(1, logged.Count(o => o == "Sent"));
        Assert.Equal(Deliveries - 1, logged.Count(o => o is "Duplicate" or "Failed"));
        Assert.Equal(logged.Count(o => o == "Failed"), outcomes.Count(o => o == "InProgress"));
    }

    /// <summary>The outcome of every event from the functions' JSON log lines: Sent, Duplicate (found completed) or Failed (found in progress).</summary>
    private static List<string> LoggedOutcomes(IEnumerable<TestFunction> functions)
        => functions.SelectMany(f => f.Stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("eventId", out var id) && id.GetInt32() is 6000 or 6001)
            .Select(e => e.GetProperty("Outcome").GetString()!)
            .ToList();

    private static string Describe(IEnumerable<string> outcomes) => string.Join(", ", outcomes.GroupBy(o => o).Select(g => $"{g.Key}={g.Count()}"));

    private async Task<(string Recipient, byte[] Json)> OneEventAsync()
    {
        var recipient = $"dup-{Guid.NewGuid():N}@example.com";
        var ciphertext = (await JsEncryptionSdk.EncryptAsync(new JsEncryptionSdk.Job(JsEncryptionSdk.CognitoV1, "424242", Events.UserPoolId)))[0];
        return (recipient, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Events.Create("CustomEmailSender_SignUp", ciphertext, recipient)));
    }

    /// <summary>Starts every delivery on its own thread behind one gate; a delivery that sent nothing because another held or finished the event reports why.</summary>
    private static async Task<List<string>> DeliverAtOnceAsync(IReadOnlyList<Func<Task>> deliveries)
    {
        using var gate = new ManualResetEventSlim();
        var tasks = deliveries.Select(deliver => Task.Run(async () =>
        {
            gate.Wait();
            try
            {
                await deliver();
                return "Returned";
            }
            catch (EmailSendInProgressException)
            {
                return "InProgress";
            }
        })).ToList();
        gate.Set();
        return [.. await Task.WhenAll(tasks)];
    }

    /// <summary>Waits for the first mail, then long enough for any second one to land, and counts.</summary>
    private async Task<int> SettledCountAsync(string recipient)
    {
        await maildev.WaitForEmailAsync(recipient);
        await Task.Delay(TimeSpan.FromSeconds(2));
        return await maildev.CountEmailsAsync(recipient);
    }

    private TestFunction SmtpFunction(Action<IServiceCollection> configure)
    {
        var env = TestFunction.Environment(
            ("Smtp__Host", "127.0.0.1"), ("Smtp__Port", maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Smtp__UseTls", "None"));
        return TestFunction.Create(env, (services, configuration) =>
        {
            services.AddSingleton<Amazon.KeyManagementService.IAmazonKeyManagementService>(new FakeKeyManagementService());
            services.AddSmtpMailer(configuration.GetSection("Smtp"));
            configure(services);
        });
    }
}
