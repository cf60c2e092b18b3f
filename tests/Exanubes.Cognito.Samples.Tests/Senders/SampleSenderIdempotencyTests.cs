using System.Reflection;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Exanubes.Cognito.Idempotency.DynamoDb;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.Samples.Tests.Senders;

/// <summary>
/// The CDK stack's <c>IdempotencyTable</c> flag creates the table, grants the functions its item actions and sets
/// <c>Idempotency__TableName</c>; the sample functions must then use it, or duplicates are suppressed per container only.
/// </summary>
public sealed class SampleSenderIdempotencyTests
{
    public static TheoryData<string> Functions => ["email", "sms"];

    [Theory]
    [MemberData(nameof(Functions))]
    public void ConfigureServices_TableNameSet_DuplicateStoreIsTheDynamoDbTable(string function)
    {
        using var provider = Configure(function, new() { ["Idempotency:TableName"] = "exanubes-sender-idempotency" });

        Assert.IsType<DynamoDbIdempotencyStore>(provider.GetRequiredService<IIdempotencyStore>());
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void ConfigureServices_NoTableName_NoDuplicateStoreRegisteredSoTheInMemoryDefaultApplies(string function)
    {
        var services = Register(function, []);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IIdempotencyStore));
    }

    private static ServiceProvider Configure(string function, Dictionary<string, string?> settings) => Register(function, settings).BuildServiceProvider();

    /// <summary>Runs the sample function's own <c>ConfigureServices</c> (protected: the Lambda entry point calls it) with a development provider.</summary>
    private static ServiceCollection Register(string function, Dictionary<string, string?> settings)
    {
        settings["Mailer:Kind"] = "Development";
        settings["SmsProvider:Kind"] = "Development";
        settings["Development:InboxPath"] = Path.Combine(Path.GetTempPath(), "exanubes-sms-inbox-test.jsonl");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), RegionEndpoint.EUWest1));
        object instance = function == "email" ? new Sample.EmailSender.Function() : new Sample.SmsSender.SmsFunction();
        var configure = instance.GetType().GetMethod("ConfigureServices", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("the sample function has no ConfigureServices");
        configure.Invoke(instance, [services, configuration]);
        return services;
    }
}
