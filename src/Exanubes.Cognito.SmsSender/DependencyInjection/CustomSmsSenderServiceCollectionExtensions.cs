using Amazon.KeyManagementService;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// Registers the Custom SMS Sender's providers and templates. Call these from <see cref="CustomSmsSenderFunction"/>'s
/// <c>ConfigureServices</c>. Each uses <c>TryAdd</c>, so calling one twice is harmless; the first provider registered is
/// the one used.
/// </summary>
public static class CustomSmsSenderServiceCollectionExtensions
{
    /// <summary>Sends through Amazon SNS <c>Publish</c> (SigV4-signed query API) with settings from a configuration section (typically <c>Sns</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The <c>Sns</c> section: <c>Region</c>, <c>SmsType</c>, <c>SenderId</c>, <c>OriginationNumber</c>, <c>ServiceUrl</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Credentials come from the standard AWS chain (register an <c>AWSCredentials</c> singleton to override); the role needs <c>sns:Publish</c>.</remarks>
    public static IServiceCollection AddSnsSmsProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSnsSmsProviderCore(builder => builder.Bind(configuration));
    }

    /// <summary>Sends through Amazon SNS <c>Publish</c> (SigV4-signed query API) with settings set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddSnsSmsProvider(this IServiceCollection services, Action<SnsSmsProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddSnsSmsProviderCore(builder => builder.Configure(configure));
    }

    /// <summary>Appends every SMS as a JSON line to an inbox file, the feed of a local "SMS inbox" page.</summary>
    /// <param name="services">The services.</param>
    /// <param name="inboxPath">The inbox file; its folder is created when missing.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="inboxPath"/> is empty.</exception>
    /// <remarks>The file holds the codes: never use it in production.</remarks>
    public static IServiceCollection AddDevelopmentSmsProvider(this IServiceCollection services, string inboxPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(inboxPath);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISmsProvider>(sp => new DevelopmentSmsProvider(inboxPath, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Replaces the built-in SMS text for a trigger source (optionally one app client and one locale).</summary>
    /// <param name="services">The services.</param>
    /// <param name="template">The template; see <see cref="SmsTemplate"/> for the variables and how one is chosen.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Templates are compiled when the function builds its services; a Liquid syntax error fails start-up.</remarks>
    public static IServiceCollection AddSmsTemplate(this IServiceCollection services, SmsTemplate template)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(template);
        services.Configure<SmsTemplateOptions>(options => options.Templates.Add(template));
        return services;
    }

    /// <summary>Sets template options such as <see cref="SmsTemplateOptions.LocaleMetadataKey"/> and the client-metadata allow-list.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection ConfigureSmsTemplates(this IServiceCollection services, Action<SmsTemplateOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return services;
    }

    /// <summary>The pipeline and its defaults; called by the function after the user's registrations.</summary>
    internal static IServiceCollection AddCustomSmsSenderCore(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<CustomSmsSenderOptions>().Bind(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomSmsSenderOptions>, CustomSmsSenderOptionsValidator>());
        services.AddOptions<SmsTemplateOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonKeyManagementService>(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<CustomSmsSenderOptions>>().Value;
            var config = new AmazonKeyManagementServiceConfig();
            if (options.KmsServiceUrl is { } url)
            {
                config.ServiceURL = url.AbsoluteUri;
            }

            return new AmazonKeyManagementServiceClient(config);
        });
        services.TryAddSingleton<IIdempotencyStore>(static sp => new InMemoryIdempotencyStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SmsRenderer>();
        services.TryAddSingleton<CustomSmsSenderPipeline>();
        return services;
    }

    private static IServiceCollection AddSnsSmsProviderCore(this IServiceCollection services, Action<OptionsBuilder<SnsSmsProviderOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure(services.AddOptions<SnsSmsProviderOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SnsSmsProviderOptions>, SnsSmsProviderOptionsValidator>());
        services.AddHttpClient(SnsSmsProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISmsProvider, SnsSmsProvider>();
        return services;
    }
}
