using Exanubes.Cognito.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito;

/// <summary>Registers Cognito token validation: <see cref="ICognitoTokenValidator"/>, its signing key caches and their start-up warm-up.</summary>
public static class CognitoTokenValidationServiceCollectionExtensions
{
    /// <summary>
    /// Registers token validation for the pool and app client of <see cref="CognitoAuthOptions"/> (the <c>Cognito</c>
    /// section bound by <c>AddCognitoAuth</c>). Calling it more than once is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Options are validated at start-up (<see cref="OptionsBuilderExtensions.ValidateOnStart{TOptions}"/>): a missing
    /// pool id or app client fails the host, not the first request. A hosted service loads the JWKS at start-up.
    /// </remarks>
    public static IServiceCollection AddCognitoTokenValidation(this IServiceCollection services) => AddCore(services, null);

    /// <summary>
    /// Registers token validation and configures it: several pools and app clients side by side
    /// (<see cref="CognitoTokenValidationOptions.UserPools"/>), clock skew, caches, JWKS limits. Each call's
    /// <paramref name="configure"/> runs in order; the registrations themselves are added once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddCognitoTokenValidation(this IServiceCollection services, Action<CognitoTokenValidationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, configure);
    }

    /// <summary>
    /// Registers token validation with options bound from a configuration section, conventionally
    /// <c>Cognito:TokenValidation</c> (<see cref="CognitoTokenValidationOptions.SectionName"/>): <c>UserPools</c> entries
    /// with their <c>UserPoolId</c>, <c>ClientIds</c> and optional checks, <c>ClockSkew</c>, cache sizes and JWKS limits.
    /// Binding a section again (same path) is harmless; the registrations themselves are added once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind, e.g. <c>configuration.GetSection(CognitoTokenValidationOptions.SectionName)</c>.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Invalid settings fail the host at start-up (<see cref="OptionsValidationException"/>) with messages naming the
    /// configuration key, e.g. <c>Cognito:TokenValidation:UserPools:1:ClientIds</c>. A section without
    /// <c>UserPools</c> accepts the pool and app client of <see cref="CognitoAuthOptions"/>. The custom
    /// <see cref="CognitoUserPoolTokenOptions.AdditionalCheck"/> cannot come from configuration: add it with the
    /// <see cref="AddCognitoTokenValidation(IServiceCollection, Action{CognitoTokenValidationOptions})"/> overload,
    /// which runs after the binding when called after this one.
    /// Binding is source-generated, so this overload is trimming- and native-AOT-safe.
    /// </remarks>
    public static IServiceCollection AddCognitoTokenValidation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var path = (configuration as IConfigurationSection)?.Path;
        var bound = services.Any(d => d.ImplementationInstance is CognitoTokenValidationConfigurationSection s
            && (ReferenceEquals(s.Configuration, configuration) || (path is not null && s.Path == path)));
        if (!bound)
        {
            // Binding the same section twice would append its UserPools entries twice.
            services.AddSingleton(new CognitoTokenValidationConfigurationSection(configuration, path));
            services.AddOptions<CognitoTokenValidationOptions>().Bind(configuration);
        }

        return AddCore(services, null);
    }

    private static IServiceCollection AddCore(IServiceCollection services, Action<CognitoTokenValidationOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CognitoAuthOptions>();
        services.AddOptions<CognitoTokenValidationOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        AddShared(services);
        if (services.Any(d => !d.IsKeyedService && d.ServiceType == typeof(CognitoUserPoolRegistry)))
        {
            return services;
        }

        services.AddSingleton<CognitoUserPoolRegistry>();
        services.TryAddSingleton<ICognitoTokenValidator, CognitoTokenValidator>();
        services.AddSingleton<IHostedService, CognitoSigningKeysWarmupService>();
        return services;
    }

    /// <summary>
    /// Token validation for the keyed pool <paramref name="name"/> (from <c>AddCognitoAuth(name, ...)</c>): a keyed
    /// <see cref="ICognitoTokenValidator"/> accepting that pool and app client only, with options named after the key.
    /// </summary>
    internal static void AddKeyedCognitoTokenValidation(IServiceCollection services, string name)
    {
        services.AddOptions<CognitoTokenValidationOptions>(name).ValidateOnStart();
        AddShared(services);
        services.AddKeyedSingleton(name, (sp, _) => ActivatorUtilities.CreateInstance<CognitoUserPoolRegistry>(
            sp, Options.Create(sp.GetRequiredService<IOptionsMonitor<CognitoTokenValidationOptions>>().Get(name))));
        services.AddKeyedSingleton<ICognitoTokenValidator>(name, (sp, _) => ActivatorUtilities.CreateInstance<CognitoTokenValidator>(
            sp, sp.GetRequiredKeyedService<CognitoUserPoolRegistry>(name)));
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<CognitoSigningKeysWarmupService>(
            sp, sp.GetRequiredKeyedService<CognitoUserPoolRegistry>(name)));
    }

    /// <summary>What every pool's token validation shares (added once): the options setup, the clock and the JWKS client.</summary>
    private static void AddShared(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CognitoTokenValidationOptionsSetup)))
        {
            return;
        }

        services.AddSingleton<CognitoTokenValidationOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<CognitoTokenValidationOptions>>(sp => sp.GetRequiredService<CognitoTokenValidationOptionsSetup>());
        services.AddSingleton<IValidateOptions<CognitoTokenValidationOptions>>(sp => sp.GetRequiredService<CognitoTokenValidationOptionsSetup>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        // A JWKS endpoint never redirects; following one would fetch keys from an address nobody configured.
        services.AddHttpClient(JwksClient.HttpClientName).ConfigurePrimaryHttpMessageHandler((handler, _) =>
        {
            if (handler is SocketsHttpHandler sockets)
            {
                sockets.AllowAutoRedirect = false;
            }
            else if (handler is HttpClientHandler client)
            {
                client.AllowAutoRedirect = false;
            }
        });
    }
}
