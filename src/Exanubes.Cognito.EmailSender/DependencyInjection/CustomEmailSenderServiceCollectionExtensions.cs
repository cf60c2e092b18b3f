using Exanubes.Cognito.Lambda;
using Amazon.KeyManagementService;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Registers the Custom Email Sender's mailers and templates. Call these from
/// <see cref="CustomEmailSenderFunction"/>'s <c>ConfigureServices</c>. Each uses <c>TryAdd</c>, so calling one twice is
/// harmless; the first mailer registered is the one used.
/// </summary>
public static class CustomEmailSenderServiceCollectionExtensions
{
    /// <summary>Sends through SendGrid with settings from a configuration section (typically <c>SendGrid</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The <c>SendGrid</c> section: <c>ApiKey</c> or <c>ApiKeyParameterName</c>, <c>BaseUrl</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddSendGridMailer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSendGridMailerCore(builder => builder.Bind(configuration));
    }

    /// <summary>Sends through SendGrid with settings set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddSendGridMailer(this IServiceCollection services, Action<SendGridMailerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddSendGridMailerCore(builder => builder.Configure(configure));
    }

    /// <summary>Sends through Amazon SES v2 (<c>SendEmail</c>, SigV4-signed REST) with settings from a configuration section (typically <c>Ses</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The <c>Ses</c> section: <c>Region</c>, <c>ConfigurationSetName</c>, <c>Tags</c>, <c>ServiceUrl</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Credentials come from the standard AWS chain (register an <c>AWSCredentials</c> singleton to override); the role needs <c>ses:SendEmail</c>.</remarks>
    public static IServiceCollection AddSesMailer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSesMailerCore(builder => builder.Bind(configuration));
    }

    /// <summary>Sends through Amazon SES v2 (<c>SendEmail</c>, SigV4-signed REST) with settings set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddSesMailer(this IServiceCollection services, Action<SesMailerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddSesMailerCore(builder => builder.Configure(configure));
    }

    /// <summary>Sends over SMTP (MailKit) with settings from a configuration section (typically <c>Smtp</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The <c>Smtp</c> section: <c>Host</c>, <c>Port</c>, <c>UseTls</c>, <c>UserName</c>, <c>Password</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddSmtpMailer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSmtpMailerCore(builder => builder.Bind(configuration));
    }

    /// <summary>Sends over SMTP (MailKit) with settings set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddSmtpMailer(this IServiceCollection services, Action<SmtpMailerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddSmtpMailerCore(builder => builder.Configure(configure));
    }

    /// <summary>Writes emails to a folder or standard output, for local work, with settings from a configuration section (typically <c>Development</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The <c>Development</c> section: <c>Folder</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>It shows the whole email including the code: never use it in production.</remarks>
    public static IServiceCollection AddDevelopmentMailer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddDevelopmentMailerCore(builder => builder.Bind(configuration));
    }

    /// <summary>Writes emails to a folder or standard output, for local work.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (leave <see cref="DevelopmentMailerOptions.Folder"/> unset to print to standard output).</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>It shows the whole email including the code: never use it in production.</remarks>
    public static IServiceCollection AddDevelopmentMailer(this IServiceCollection services, Action<DevelopmentMailerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddDevelopmentMailerCore(builder => builder.Configure(configure));
    }

    /// <summary>Replaces the built-in email for a trigger source (optionally one app client and one locale).</summary>
    /// <param name="services">The services.</param>
    /// <param name="template">The template; see <see cref="EmailTemplate"/> for the variables and how one is chosen.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Templates are compiled when the function builds its services; a Liquid syntax error fails start-up.</remarks>
    public static IServiceCollection AddEmailTemplate(this IServiceCollection services, EmailTemplate template)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(template);
        services.Configure<EmailTemplateOptions>(options => options.Templates.Add(template));
        return services;
    }

    /// <summary>Sets template options such as <see cref="EmailTemplateOptions.LocaleMetadataKey"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection ConfigureEmailTemplates(this IServiceCollection services, Action<EmailTemplateOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return services;
    }

    /// <summary>The pipeline and its defaults; called by the function after the user's registrations.</summary>
    internal static IServiceCollection AddCustomEmailSenderCore(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<CustomEmailSenderOptions>().Bind(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomEmailSenderOptions>, CustomEmailSenderOptionsValidator>());
        services.AddOptions<EmailTemplateOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonKeyManagementService>(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<CustomEmailSenderOptions>>().Value;
            var config = new AmazonKeyManagementServiceConfig();
            if (options.KmsServiceUrl is { } url)
            {
                config.ServiceURL = url.AbsoluteUri;
            }

            return new AmazonKeyManagementServiceClient(config);
        });
        services.TryAddSingleton<IIdempotencyStore>(static sp => new InMemoryIdempotencyStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CodeDecryptor>();
        services.TryAddSingleton<EmailRenderer>();
        services.TryAddSingleton<CustomEmailSenderPipeline>();
        services.TryAddSingleton(static _ => new StandardOutput(Console.Out));
        return services;
    }

    private static IServiceCollection AddSendGridMailerCore(this IServiceCollection services, Action<OptionsBuilder<SendGridMailerOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure(services.AddOptions<SendGridMailerOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendGridMailerOptions>, SendGridMailerOptionsValidator>());
        services.AddHttpClient(SendGridMailer.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<IAmazonSimpleSystemsManagement>(static _ => new AmazonSimpleSystemsManagementClient());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SendGridApiKeySource>();
        services.TryAddSingleton<IMailer, SendGridMailer>();
        return services;
    }

    private static IServiceCollection AddSesMailerCore(this IServiceCollection services, Action<OptionsBuilder<SesMailerOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure(services.AddOptions<SesMailerOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SesMailerOptions>, SesMailerOptionsValidator>());
        services.AddHttpClient(SesMailer.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMailer, SesMailer>();
        return services;
    }

    private static IServiceCollection AddSmtpMailerCore(this IServiceCollection services, Action<OptionsBuilder<SmtpMailerOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure(services.AddOptions<SmtpMailerOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpMailerOptions>, SmtpMailerOptionsValidator>());
        services.TryAddSingleton<IMailer, SmtpMailer>();
        return services;
    }

    private static IServiceCollection AddDevelopmentMailerCore(this IServiceCollection services, Action<OptionsBuilder<DevelopmentMailerOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure(services.AddOptions<DevelopmentMailerOptions>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static _ => new StandardOutput(Console.Out));
        services.TryAddSingleton<IMailer, DevelopmentMailer>();
        return services;
    }
}
