using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Exanubes.Cognito.Lambda;

/// <summary>
/// The handler shape every user-pool trigger base class shares: read the event from a stream, let the subclass fill
/// <c>response</c>, write the event back. Subclass a trigger's base (<c>PreSignUpFunction</c>,
/// <c>PreTokenGenerationFunction</c>, ...), not this class.
/// </summary>
/// <typeparam name="TEvent">The trigger's event type.</typeparam>
/// <remarks>
/// Use <see cref="HandleAsync(Stream)"/> as the class-library handler of the managed .NET runtime
/// (<c>Assembly::Namespace.Type::HandleAsync</c>). A malformed event or an unknown trigger source throws
/// <see cref="CognitoTriggerEventException"/>, which fails the invocation (Cognito then fails the user's request).
/// </remarks>
public abstract class CognitoTriggerFunction<TEvent>
    where TEvent : CognitoTriggerEvent
{
    private readonly JsonTypeInfo<TEvent> _typeInfo;
    private readonly IReadOnlyCollection<string> _triggerSources;

    /// <summary>Creates the function for an event type: its source-generated JSON metadata and its documented trigger sources.</summary>
    /// <remarks>The trigger base classes call this; call it yourself only for an event type of your own.</remarks>
    protected CognitoTriggerFunction(JsonTypeInfo<TEvent> typeInfo, IReadOnlyCollection<string> triggerSources)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(triggerSources);
        _typeInfo = typeInfo;
        _triggerSources = triggerSources;
    }

    /// <summary>
    /// The class-library handler of the managed .NET runtime: reads the event, calls
    /// <see cref="HandleAsync(TEvent, CancellationToken)"/>, and returns the event with its response as JSON.
    /// </summary>
    /// <exception cref="CognitoTriggerEventException">The event is malformed or comes from a trigger source this trigger does not document.</exception>
    public async Task<Stream> HandleAsync(Stream input)
    {
        var cancellationToken = CancellationToken.None;
        ArgumentNullException.ThrowIfNull(input);
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var output = new MemoryStream();
        await HandleAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), output, cancellationToken).ConfigureAwait(false);
        output.Position = 0;
        return output;
    }

    /// <summary>
    /// Runs the function as a Lambda custom runtime (<c>provided.al2023</c>, Native AOT) over the Runtime API named by
    /// <c>AWS_LAMBDA_RUNTIME_API</c>: each event is read, handled and answered with the event and its response, or
    /// reported as failed. Call it from <c>Main</c>: <c>await new MyFunction().RunAsync(CancellationToken.None);</c>.
    /// </summary>
    /// <exception cref="LambdaRuntimeException"><c>AWS_LAMBDA_RUNTIME_API</c> is not set, or the Runtime API failed.</exception>
    public Task RunAsync(CancellationToken cancellationToken)
        => LambdaRuntime.RunAsync(_ => ValueTask.FromResult<LambdaInvocationHandler>(HandleInvocationAsync), cancellationToken);

    /// <summary>Handles one Runtime API invocation: the event bytes in, the event with its response out.</summary>
    internal async Task<ReadOnlyMemory<byte>> HandleInvocationAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        using var output = new MemoryStream();
        await HandleAsync(invocation.Payload, output, cancellationToken).ConfigureAwait(false);
        return output.ToArray();
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> utf8Event, Stream output, CancellationToken cancellationToken)
    {
        var evt = Read(utf8Event.Span);
        await HandleAsync(evt, cancellationToken).ConfigureAwait(false);
        await JsonSerializer.SerializeAsync(output, evt, _typeInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads and checks one event; exposed for tests and for callers with their own loop.</summary>
    /// <exception cref="CognitoTriggerEventException">The event is malformed or comes from a trigger source this trigger does not document.</exception>
    public TEvent Read(ReadOnlySpan<byte> utf8Event) => CognitoTriggerReader.Read(utf8Event, _typeInfo, _triggerSources);

    /// <summary>Your trigger logic: read <c>evt.Request</c>, set <c>evt.Response</c>. Throw to fail the user's request.</summary>
    protected abstract ValueTask HandleAsync(TEvent evt, CancellationToken cancellationToken);
}
