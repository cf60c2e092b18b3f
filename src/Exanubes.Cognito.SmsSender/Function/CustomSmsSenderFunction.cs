using System.Diagnostics;
using Amazon.KeyManagementService;
using Exanubes.Cognito.Lambda;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// The base class of a Cognito Custom SMS Sender Lambda function, the twin of <c>CustomEmailSenderFunction</c>. Subclass
/// it, register a provider (and optionally templates) in <see cref="ConfigureServices"/>, and point the Lambda handler at
/// <c>YourAssembly::YourNamespace.YourFunction::HandleAsync</c> (managed .NET runtime), or call <see cref="RunAsync"/> from
/// <c>Main</c> (a <c>provided.al2023</c> custom runtime, Native AOT). Every SMS of the user pool is then read, checked,
/// decrypted under the pool's KMS key, rendered and sent.
/// </summary>
/// <remarks>
/// <para>
/// Services are built once per Lambda container, on the first invocation, from environment variables (<c>__</c>
/// separates sections): <c>SmsSender__KmsKeyArn</c> (required), <c>SmsSender__UserPoolId</c>,
/// <c>SmsSender__KmsServiceUrl</c>, <c>SmsSender__AppUrl</c> and the provider's own section (<c>Sns__...</c>). Region
/// and credentials come from the standard AWS variables. A bad setting fails the invocation with a message naming it.
/// </para>
/// <para>
/// The pipeline is fixed: the encryption-context binding to the event's user pool and the strict keyring are security
/// checks. Failures escape (<see cref="CognitoTriggerEventException"/> for a bad event, <see cref="CustomSmsSenderException"/>
/// after) so Lambda records a failed invocation and retries it. One JSON line per event goes to standard output, never
/// the code or the phone number; an SMS that needs more than one segment is logged as a warning. See
/// <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-sms-sender.html"/>.
/// </para>
/// </remarks>
public abstract class CustomSmsSenderFunction
{
    private readonly CustomSenderHost _host;
    private CustomSmsSenderPipeline? _pipeline;

    /// <summary>Creates the function; nothing is built until the first invocation.</summary>
    protected CustomSmsSenderFunction()
        : this(ProcessEnvironmentVariables.Instance, null)
    {
    }

    /// <summary>Creates the function with an environment and standard output seam (tests, local hosts).</summary>
    internal CustomSmsSenderFunction(IEnvironmentVariables environment, TextWriter? output)
    {
        _host = new CustomSenderHost(environment, output, Register, Start);
    }

    /// <summary>
    /// The Lambda class-library handler: reads the event JSON from <paramref name="input"/>, runs the pipeline and returns
    /// <c>{}</c> (Cognito ignores a custom sender's response).
    /// </summary>
    /// <param name="input">The event as Lambda delivers it.</param>
    /// <returns>A stream holding <c>{}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="CognitoTriggerEventException">The event is malformed, of an unknown trigger source or request type, lacks a phone number, or comes from another user pool.</exception>
    /// <exception cref="SmsCodeDecryptionException">The code could not be decrypted (not base64, wrong key or pool, KMS denied <c>kms:Decrypt</c>).</exception>
    /// <exception cref="SmsDeliveryException">The provider failed.</exception>
    /// <exception cref="SmsSendInProgressException">Another delivery of the same event holds its send lease; Lambda retries.</exception>
    /// <exception cref="OptionsValidationException">A setting is missing or malformed (first invocation).</exception>
    public Task<Stream> HandleAsync(Stream input) => _host.HandleAsync(input);

    /// <summary>Runs the pipeline for an event already in memory (tests, local hosts).</summary>
    /// <param name="customSmsSenderEvent">The event.</param>
    /// <param name="cancellationToken">Cancels decryption and sending.</param>
    /// <returns>A task that completes once the SMS was sent (or recognised as a duplicate).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customSmsSenderEvent"/> is null.</exception>
    /// <exception cref="CustomSmsSenderException">As for <see cref="HandleAsync(Stream)"/>.</exception>
    /// <remarks>Named apart from <see cref="HandleAsync(Stream)"/> because the Lambda runtime refuses an overloaded handler method.</remarks>
    public Task HandleEventAsync(CustomSmsSenderEvent customSmsSenderEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customSmsSenderEvent);
        _ = _host.Handler;
        return _pipeline!.HandleAsync(customSmsSenderEvent, cancellationToken);
    }

    /// <summary>
    /// Runs the function as a Lambda custom runtime (<c>provided.al2023</c>, Native AOT) over the Runtime API named by
    /// <c>AWS_LAMBDA_RUNTIME_API</c>, answering each event with <c>{}</c> or reporting its failure. Call it from
    /// <c>Main</c>: <c>await new MySmsFunction().RunAsync(CancellationToken.None);</c>.
    /// </summary>
    /// <param name="cancellationToken">Stops the loop (local hosts, tests).</param>
    /// <returns>A task that completes when the loop is cancelled.</returns>
    /// <exception cref="LambdaRuntimeException"><c>AWS_LAMBDA_RUNTIME_API</c> is not set, start-up failed, or the Runtime API failed.</exception>
    public Task RunAsync(CancellationToken cancellationToken) => _host.RunAsync(cancellationToken);

    /// <summary>
    /// Registers the provider, templates and any replacement services (a shared <see cref="IIdempotencyStore"/>, a
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
        services.AddCustomSmsSenderCore(configuration.GetSection(CustomSmsSenderOptions.SectionName));
    }

    private CustomSenderHandler Start(IServiceProvider provider, long started)
    {
        _ = provider.GetRequiredService<IOptions<CustomSmsSenderOptions>>().Value;
        var smsProvider = provider.GetService<ISmsProvider>() ?? throw new InvalidOperationException(
            "No SMS provider is registered. In ConfigureServices call services.AddSnsSmsProvider(...) or services.AddDevelopmentSmsProvider(...), or register your own ISmsProvider.");
        var pipeline = provider.GetRequiredService<CustomSmsSenderPipeline>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<CustomSmsSenderFunction>();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var providerName = smsProvider.GetType().Name;
        Log.ServicesBuilt(logger, elapsed, providerName);
        _pipeline = pipeline;
        return pipeline.HandleAsync;
    }
}
