using Amazon.DynamoDBv2;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Exanubes.Cognito.Idempotency.DynamoDb;

/// <summary>Registers the DynamoDB duplicate store for a custom sender.</summary>
public static class DynamoDbIdempotencyServiceCollectionExtensions
{
    /// <summary>
    /// Makes the sender's duplicate suppression hold across containers: registers <see cref="DynamoDbIdempotencyStore"/>
    /// as the <see cref="IIdempotencyStore"/> (replacing the in-memory default), and an <see cref="IAmazonDynamoDB"/> from
    /// the standard AWS environment unless one is registered. Call it in the function's <c>ConfigureServices</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the table name (required), lease and retention.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The table name is missing (when the store is first resolved).</exception>
    public static IServiceCollection AddDynamoDbIdempotencyStore(this IServiceCollection services, Action<DynamoDbIdempotencyStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new DynamoDbIdempotencyStoreOptions();
        configure(options);
        services.TryAddSingleton<IAmazonDynamoDB>(static _ => new AmazonDynamoDBClient());
        services.RemoveAll<IIdempotencyStore>();
        services.AddSingleton<IIdempotencyStore>(sp => new DynamoDbIdempotencyStore(
            sp.GetRequiredService<IAmazonDynamoDB>(), options, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
