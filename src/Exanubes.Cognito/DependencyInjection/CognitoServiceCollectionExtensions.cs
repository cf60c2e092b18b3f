using Amazon.Runtime;
using Exanubes.Cognito.DependencyInjection;
using Exanubes.Cognito.Devices;
using Exanubes.Cognito.IdentityProvider;
using Exanubes.Cognito.Passkeys;
using Exanubes.Cognito.SignIn;
using Exanubes.Cognito.Admin;
using Exanubes.Cognito.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Exanubes.Cognito;

/// <summary>Registers the Amazon Cognito user-pool services: <c>services.AddCognitoAuth(...)</c>.</summary>
public static class CognitoServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICognitoAuthService"/>, <see cref="ICognitoAdminService"/> and the JWKS-backed
    /// <see cref="Tokens.ICognitoTokenValidator"/> for this pool and app client, with options bound from a
    /// configuration section (conventionally <c>Cognito</c>, see <see cref="CognitoAuthOptions.SectionName"/>) and
    /// validated at start-up. Calling it again adds bindings but no duplicate services.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>UserPoolId</c>, <c>ClientId</c> and the optional settings.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>
    /// Invalid settings make the host fail at start-up (<see cref="OptionsValidationException"/>) with messages naming
    /// the setting. Admin calls are signed with an <see cref="AWSCredentials"/> registered in the container if any,
    /// else with the AWS SDK's default credential chain.
    /// </remarks>
    public static IServiceCollection AddCognitoAuth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CognitoAuthOptions>().Bind(configuration);
        return AddCognitoAuthCore(services);
    }

    /// <summary>
    /// Registers <see cref="ICognitoAuthService"/>, <see cref="ICognitoAdminService"/> and the JWKS-backed
    /// <see cref="Tokens.ICognitoTokenValidator"/> with options set in code and validated at start-up. Calling it again adds configuration but no duplicate services.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="CognitoAuthOptions"/>.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>See <see cref="AddCognitoAuth(IServiceCollection, IConfiguration)"/>.</remarks>
    public static IServiceCollection AddCognitoAuth(this IServiceCollection services, Action<CognitoAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CognitoAuthOptions>().Configure(configure);
        return AddCognitoAuthCore(services);
    }

    /// <summary>
    /// Registers one of several pools under a key: <see cref="ICognitoAuthService"/>, <see cref="ICognitoAdminService"/>
    /// and <see cref="Tokens.ICognitoTokenValidator"/> for this pool and app client, resolved with
    /// <c>[FromKeyedServices("tenant-a")]</c> or <c>GetRequiredKeyedService&lt;T&gt;("tenant-a")</c>, with options named
    /// after the key, bound from <paramref name="configuration"/> and validated at start-up. Calling it again with the
    /// same key adds bindings but no duplicate services.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The key of the pool, for example <c>tenant-a</c>; also the name of its options.</param>
    /// <param name="configuration">The section holding this pool's <c>UserPoolId</c>, <c>ClientId</c> and optional settings.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <remarks>
    /// Start-up messages name the section's keys (<c>Tenants:A:UserPoolId</c>). Each keyed validator accepts the tokens
    /// of its own pool and app client only. The unkeyed <c>AddCognitoAuth</c> pool, when also registered, stays the
    /// one resolved without a key.
    /// </remarks>
    public static IServiceCollection AddCognitoAuth(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CognitoAuthOptions>(name).Bind(configuration);
        if (configuration is IConfigurationSection { Path.Length: > 0 } section)
        {
            services.AddSingleton(new CognitoAuthSettings(name, section.Path));
        }

        return AddKeyedCognitoAuthCore(services, name);
    }

    /// <summary>
    /// Registers one of several pools under a key, with options set in code (named after the key) and validated at
    /// start-up; see <see cref="AddCognitoAuth(IServiceCollection, string, IConfiguration)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The key of the pool, for example <c>tenant-a</c>; also the name of its options.</param>
    /// <param name="configure">Sets this pool's <see cref="CognitoAuthOptions"/>.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <remarks>Start-up messages name the settings <c>Cognito[tenant-a]:UserPoolId</c> and so on.</remarks>
    public static IServiceCollection AddCognitoAuth(this IServiceCollection services, string name, Action<CognitoAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CognitoAuthOptions>(name).Configure(configure);
        return AddKeyedCognitoAuthCore(services, name);
    }

    private static IServiceCollection AddCognitoAuthCore(IServiceCollection services)
    {
        services.AddOptions<CognitoAuthOptions>().ValidateOnStart();
        AddShared(services);
        if (!services.Any(d => !d.IsKeyedService && d.ServiceType == typeof(CognitoIdentityProviderClient)))
        {
            AddHttpClient(services, Options.DefaultName);
        }

        services.TryAddSingleton<CognitoIdentityProviderClient>();
        services.TryAddSingleton<ICognitoAuthService, CognitoAuthService>();
        services.TryAddSingleton<ICognitoAdminService, CognitoAdminService>();
        services.TryAddSingleton<ICognitoPasswordless, UserAuthFlow>();
        services.TryAddSingleton<ICognitoPasskeys, PasskeyFlow>();
        services.TryAddSingleton<ICognitoDevices, DeviceFlow>();

        // Token validation for the same pool and app client (idempotent; its own options may add pools and clients).
        services.AddCognitoTokenValidation();
        return services;
    }

    private static IServiceCollection AddKeyedCognitoAuthCore(IServiceCollection services, string name)
    {
        services.AddOptions<CognitoAuthOptions>(name).ValidateOnStart();
        AddShared(services);
        if (services.Any(d => d.IsKeyedService && Equals(d.ServiceKey, name) && d.ServiceType == typeof(CognitoIdentityProviderClient)))
        {
            return services;
        }

        AddHttpClient(services, name);
        services.AddKeyedSingleton(name, (sp, _) => ActivatorUtilities.CreateInstance<CognitoIdentityProviderClient>(sp, Named(sp, name)));
        services.AddKeyedSingleton<ICognitoAuthService>(name, (sp, _) => ActivatorUtilities.CreateInstance<CognitoAuthService>(
            sp, sp.GetRequiredKeyedService<CognitoIdentityProviderClient>(name), Named(sp, name)));
        services.AddKeyedSingleton<ICognitoAdminService>(name, (sp, _) => ActivatorUtilities.CreateInstance<CognitoAdminService>(
            sp, sp.GetRequiredKeyedService<CognitoIdentityProviderClient>(name), Named(sp, name)));
        services.AddKeyedSingleton<ICognitoPasswordless>(name, (sp, _) => ActivatorUtilities.CreateInstance<UserAuthFlow>(
            sp, sp.GetRequiredKeyedService<CognitoIdentityProviderClient>(name), Named(sp, name)));
        services.AddKeyedSingleton<ICognitoPasskeys>(name, (sp, _) => ActivatorUtilities.CreateInstance<PasskeyFlow>(
            sp, sp.GetRequiredKeyedService<CognitoIdentityProviderClient>(name)));
        services.AddKeyedSingleton<ICognitoDevices>(name, (sp, _) => ActivatorUtilities.CreateInstance<DeviceFlow>(
            sp, sp.GetRequiredKeyedService<CognitoIdentityProviderClient>(name), Named(sp, name)));
        CognitoTokenValidationServiceCollectionExtensions.AddKeyedCognitoTokenValidation(services, name);
        return services;
    }

    /// <summary>What every pool shares: options checks, the clock and the request signer.</summary>
    private static void AddShared(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CognitoAuthOptions>, CognitoAuthOptionsPostConfigure>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CognitoAuthOptions>, CognitoAuthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CognitoRequestSigner(sp.GetService<AWSCredentials>(), sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>The pool's own HttpClient, whose retry handler reads the pool's options.</summary>
    private static void AddHttpClient(IServiceCollection services, string name)
    {
        services.AddHttpClient(CognitoAuthSettings.HttpClientName(name))
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) => RefuseRedirects(handler))
            .AddResilienceHandler("Exanubes.Cognito.Retry", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<CognitoAuthOptions>>().Get(name);
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CognitoRetryPolicy));
                builder.AddRetry(CognitoRetryPolicy.Create(options, logger));
            });
    }

    private static IOptions<CognitoAuthOptions> Named(IServiceProvider services, string name) =>
        Options.Create(services.GetRequiredService<IOptionsMonitor<CognitoAuthOptions>>().Get(name));

    /// <summary>
    /// Cognito never redirects; a redirect could only come from something in the path, and following it would resend
    /// the body (passwords, codes, tokens) to another address. The client's primary handler therefore does not follow
    /// redirects: a 3xx comes back to the wire client as a failed result.
    /// </summary>
    internal static void RefuseRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }
}
