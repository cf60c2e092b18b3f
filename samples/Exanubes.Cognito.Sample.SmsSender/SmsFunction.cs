using Exanubes.Cognito.Idempotency.DynamoDb;
using Exanubes.Cognito.SmsSender;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Exanubes.Cognito.Sample.SmsSender;

/// <summary>
/// The sample Custom SMS Sender Lambda. Handler: <c>Exanubes.Cognito.Sample.SmsSender::Exanubes.Cognito.Sample.SmsSender.SmsFunction::HandleAsync</c>.
/// <c>SmsProvider__Kind</c> chooses the provider: <c>Sns</c> (default; settings in <c>Sns__*</c>) or <c>Development</c>
/// (every SMS appended to the JSON-lines file <c>Development__InboxPath</c>, the local stack's "SMS inbox").
/// </summary>
public sealed class SmsFunction : CustomSmsSenderFunction
{
    /// <inheritdoc/>
    protected override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // Duplicate suppression across containers when the stack made the table (Idempotency__TableName); per container otherwise.
        if (configuration["Idempotency:TableName"] is { Length: > 0 } table)
        {
            services.AddDynamoDbIdempotencyStore(o => o.TableName = table);
        }

        var kind = configuration["SmsProvider:Kind"] ?? "Sns";
        switch (kind.ToUpperInvariant())
        {
            case "SNS":
                services.AddSnsSmsProvider(configuration.GetSection("Sns"));
                break;
            case "DEVELOPMENT":
                services.AddDevelopmentSmsProvider(configuration["Development:InboxPath"]
                    ?? throw new InvalidOperationException("SmsProvider:Kind is Development but Development:InboxPath (Development__InboxPath) is not set: the file the SMS inbox reads."));
                break;
            default:
                throw new InvalidOperationException($"SmsProvider:Kind (SmsProvider__Kind) is '{kind}'; expected Sns or Development.");
        }
    }
}
