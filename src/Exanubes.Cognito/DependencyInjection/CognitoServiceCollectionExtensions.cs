using Exanubes.Cognito.Devices;
using Exanubes.Cognito.Passkeys;
using Exanubes.Cognito.SignIn;
using Amazon.Runtime;
using Exanubes.Cognito.DependencyInjection;
using Exanubes.Cognito.IdentityProvider;
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

    private static IServiceCollection AddCognitoAuthCore(IServiceCollection services)
    {
        services.AddOptions<CognitoAuthOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CognitoAuthOptions>, CognitoAuthOptionsPostConfigure>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CognitoAuthOptions>, CognitoAuthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        if (!services.Any(d => d.ServiceType == typeof(CognitoIdentityProviderClient)))
        {
            services.AddHttpClient(CognitoIdentityProviderClient.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(static (handler, _) => RefuseRedirects(handler))
                .AddResilienceHandler("Exanubes.Cognito.Retry", static (builder, context) =>
                {
                    var options = context.ServiceProvider.GetRequiredService<IOptions<CognitoAuthOptions>>().Value;
                    var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CognitoRetryPolicy));
                    builder.AddRetry(CognitoRetryPolicy.Create(options, logger));
                });
        }

        services.TryAddSingleton(sp => new CognitoRequestSigner(sp.GetService<AWSCredentials>(), sp.GetRequiredService<TimeProvider>()));
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
