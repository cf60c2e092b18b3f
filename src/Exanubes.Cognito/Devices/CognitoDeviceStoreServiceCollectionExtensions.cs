using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.Devices;

/// <summary>Registers the <see cref="ICognitoDeviceStore"/> that keeps remembered devices.</summary>
public static class CognitoDeviceStoreServiceCollectionExtensions
{
    /// <summary>
    /// Keeps remembered devices in data-protected, HTTP-only cookies: the user's browser is the device. Registers
    /// ASP.NET Core Data Protection and <c>IHttpContextAccessor</c> when missing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts <see cref="CognitoDeviceStoreOptions"/>; optional.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>
    /// In a web farm, persist the Data Protection keys (for example to Redis) so every instance opens the cookies.
    /// Replaces a device store registered earlier.
    /// </remarks>
    public static IServiceCollection AddCognitoDeviceCookieStore(this IServiceCollection services, Action<CognitoDeviceStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpContextAccessor();
        AddCommon(services, configure);
        services.Replace(ServiceDescriptor.Singleton<ICognitoDeviceStore, CognitoDeviceCookieStore>());
        return services;
    }

    /// <summary>
    /// Keeps remembered devices in the registered <c>IDistributedCache</c>, sealed with Data Protection: the server
    /// (a worker, a kiosk, a back end that signs in as itself) is the device, one per user and pool.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts <see cref="CognitoDeviceStoreOptions"/>; optional.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>
    /// Register the cache itself (for example <c>AddStackExchangeRedisCache</c>); without one, the in-memory
    /// distributed cache is used, which forgets devices on restart. Replaces a device store registered earlier.
    /// </remarks>
    public static IServiceCollection AddCognitoDeviceDistributedCacheStore(this IServiceCollection services, Action<CognitoDeviceStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDistributedMemoryCache();
        AddCommon(services, configure);
        services.Replace(ServiceDescriptor.Singleton<ICognitoDeviceStore, CognitoDeviceDistributedCacheStore>());
        return services;
    }

    private static void AddCommon(IServiceCollection services, Action<CognitoDeviceStoreOptions>? configure)
    {
        services.AddDataProtection();
        var options = services.AddOptions<CognitoDeviceStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.Lifetime > TimeSpan.Zero, "Cognito device store: Lifetime must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.CookieNamePrefix), "Cognito device store: CookieNamePrefix must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.CacheKeyPrefix), "Cognito device store: CacheKeyPrefix must not be empty.")
            .ValidateOnStart();
        services.TryAddSingleton<CognitoDeviceProtector>();
    }
}
