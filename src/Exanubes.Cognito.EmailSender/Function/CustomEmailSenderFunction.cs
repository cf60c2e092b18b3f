using System.Diagnostics;
using Amazon.KeyManagementService;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The base class of a Cognito Custom Email Sender Lambda function. Subclass it, register a mailer (and optionally
/// templates) in <see cref="ConfigureServices"/>, and point the Lambda handler at
/// <c>YourAssembly::YourNamespace.YourFunction::HandleAsync</c> (managed .NET runtime), or call <see cref="RunAsync"/> from
/// <c>Main</c> (a <c>provided.al2023</c> custom runtime, Native AOT). Every email of the user pool is then parsed, checked,
/// decrypted under the pool's KMS key, rendered and sent.
/// </summary>
/// <remarks>
/// <para>
/// Services are built once per Lambda container, on the first invocation, from environment variables (<c>__</c>
/// separates sections): <c>EmailSender__KmsKeyArn</c> (required), <c>EmailSender__UserPoolId</c>,
/// <c>EmailSender__KmsServiceUrl</c>, <c>EmailSender__AppUrl</c>, <c>EmailSender__FromAddress</c>,
/// <c>EmailSender__FromName</c> and the mailer's own section. Region and credentials come from the standard AWS
/// variables. A bad setting fails the invocation with a message naming it.
/// </para>
/// <para>
/// The pipeline is fixed and not overridable: the encryption-context binding to the event's user pool and the strict
/// keyring are security checks. Failures escape as <see cref="CustomEmailSenderException"/>s so Lambda records a failed
/// invocation and retries it; nothing is swallowed. One JSON line per event goes to standard output (trigger source,
/// pool, client, outcome, duration), never the code, a temporary password or an API key. See
/// <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-email-sender.html"/>.
/// </para>
/// </remarks>
public abstract class CustomEmailSenderFunction
{
    private readonly CustomSenderHost _host;
    private CustomEmailSenderPipeline? _pipeline;

    /// <summary>Creates the function; nothing is built until the first invocation.</summary>
    protected CustomEmailSenderFunction()
        : this(ProcessEnvironmentVariables.Instance, null)
    {
    }

    /// <summary>Creates the function with an environment and standard output seam (tests, local hosts, benchmarks).</summary>
    internal CustomEmailSenderFunction(IEnvironmentVariables environment, TextWriter? output)
    {
        _host = new CustomSenderHost(environment, output, Register, Start);
    }

    /// <summary>
    /// The Lambda class-library handler: reads the event JSON from <paramref name="input"/>, runs the pipeline and returns
    /// <c>{}</c> (Cognito ignores a custom sender's response). No Lambda serializer package is needed.
    /// </summary>
    /// <param name="input">The event as Lambda delivers it.</param>
    /// <returns>A stream holding <c>{}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="CustomEmailSenderEventException">The event is malformed, of an unsupported type or trigger source, or from another user pool.</exception>
    /// <exception cref="CodeDecryptionException">The code could not be decrypted (not base64, wrong key or pool, KMS denied <c>kms:Decrypt</c>).</exception>
    /// <exception cref="EmailDeliveryException">The mailer failed.</exception>
    /// <exception cref="EmailSendInProgressException">Another delivery of the same event holds its send lease; Lambda retries.</exception>
    /// <exception cref="OptionsValidationException">A setting is missing or malformed (first invocation).</exception>
    public Task<Stream> HandleAsync(Stream input) => _host.HandleAsync(input);

    /// <summary>Runs the pipeline for an event already in memory (tests, local hosts such as a cognito-local bridge).</summary>
    /// <param name="customEmailSenderEvent">The event.</param>
    /// <param name="cancellationToken">Cancels decryption and sending.</param>
    /// <returns>A task that completes once the email was sent (or recognised as a duplicate).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customEmailSenderEvent"/> is null.</exception>
    /// <exception cref="CustomEmailSenderException">As for <see cref="HandleAsync(Stream)"/>.</exception>
    /// <remarks>Named apart from <see cref="HandleAsync(Stream)"/> because the Lambda runtime refuses an overloaded handler method.</remarks>
    public Task HandleEventAsync(CustomEmailSenderEvent customEmailSenderEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customEmailSenderEvent);
        _ = _host.Handler;
        return _pipeline!.HandleAsync(customEmailSenderEvent, cancellationToken);
    }

    /// <summary>
    /// Runs the function as a Lambda custom runtime (<c>provided.al2023</c>, Native AOT): builds the services (a failure
    /// is posted as an init error), then loops over the Runtime API named by <c>AWS_LAMBDA_RUNTIME_API</c>, answering
    /// each event with <c>{}</c> or reporting its failure. Call it from <c>Main</c>:
    /// <c>await new MyFunction().RunAsync(CancellationToken.None);</c>.
    /// </summary>
    /// <param name="cancellationToken">Stops the loop (local hosts, tests).</param>
    /// <returns>A task that completes when the loop is cancelled.</returns>
    /// <exception cref="LambdaRuntimeException"><c>AWS_LAMBDA_RUNTIME_API</c> is not set, start-up failed, or the Runtime API failed.</exception>
    /// <remarks>Each event's token is cancelled at its deadline; see <see cref="LambdaRuntime"/>.</remarks>
    public Task RunAsync(CancellationToken cancellationToken) => _host.RunAsync(cancellationToken);

    /// <summary>
    /// Registers the mailer, templates and any replacement services (a shared <see cref="Exanubes.Cognito.Lambda.IIdempotencyStore"/>, a
    /// configured <see cref="IAmazonKeyManagementService"/>). Called once per container, before the defaults are added
    /// with <c>TryAdd</c>, so what you register wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">Configuration built from the environment variables (<c>__</c> = section separator).</param>
    protected virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>The built services (for tests).</summary>
    internal IServiceProvider Services => _host.Services;

    private void Register(IServiceCollection services, IConfiguration configuration)
    {
        ConfigureServices(services, configuration);
        services.AddCustomEmailSenderCore(configuration.GetSection(CustomEmailSenderOptions.SectionName));
    }

    private CustomSenderHandler Start(IServiceProvider provider, long started)
    {
        var options = provider.GetRequiredService<IOptions<CustomEmailSenderOptions>>().Value;
        var mailer = provider.GetService<IMailer>() ?? throw new InvalidOperationException(
            "No mailer is registered. In ConfigureServices call services.AddSendGridMailer(...), services.AddSmtpMailer(...) or services.AddDevelopmentMailer(...), or register your own IMailer.");
        if (mailer is IRequiresFromAddress && string.IsNullOrWhiteSpace(options.FromAddress))
        {
            throw new OptionsValidationException(CustomEmailSenderOptions.SectionName, typeof(CustomEmailSenderOptions),
                [$"EmailSender:FromAddress (EmailSender__FromAddress) is required by the {mailer.GetType().Name.Replace("Mailer", string.Empty, StringComparison.Ordinal)} mailer: the sender address, verified with your provider."]);
        }

        provider.GetRequiredService<EmailRenderer>().WarmUp();
        var pipeline = provider.GetRequiredService<CustomEmailSenderPipeline>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<CustomEmailSenderFunction>();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var mailerName = mailer.GetType().Name;
        Log.ServicesBuilt(logger, elapsed, mailerName);
        _pipeline = pipeline;
        return pipeline.HandleAsync;
    }
}
