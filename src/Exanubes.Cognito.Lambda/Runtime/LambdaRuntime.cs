namespace Exanubes.Cognito.Lambda;

/// <summary>
/// Runs a function as a Lambda custom runtime (<c>provided.al2023</c>, Native AOT): the loop of the Lambda Runtime API,
/// without <c>Amazon.Lambda.RuntimeSupport</c>. Call it from <c>Main</c>.
/// </summary>
/// <remarks>
/// <para>
/// The loop builds the handler once (a failure is posted to <c>init/error</c> and ends the loop with a
/// <see cref="LambdaRuntimeException"/>), then repeats: <c>invocation/next</c> → handler → <c>invocation/{id}/response</c>,
/// or <c>invocation/{id}/error</c> with the documented body (<c>errorMessage</c>, <c>errorType</c>, <c>stackTrace</c>)
/// when the handler throws. The handler's token is cancelled at <c>Lambda-Runtime-Deadline-Ms</c>, and
/// <c>Lambda-Runtime-Trace-Id</c> is put into the <c>_X_AMZN_TRACE_ID</c> environment variable for the invocation.
/// </para>
/// <para>
/// An error body carries the exception's message and type: the handler must keep secrets out of exception messages.
/// See <see href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html"/>.
/// </para>
/// </remarks>
public static class LambdaRuntime
{
    /// <summary>The environment variable that holds the Runtime API's <c>host:port</c>.</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>The environment variable the trace header is put into for each invocation.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>Runs the loop against the Runtime API named by <c>AWS_LAMBDA_RUNTIME_API</c> until cancelled.</summary>
    /// <param name="initialize">Builds the handler once, before the first invocation.</param>
    /// <param name="cancellationToken">Stops the loop (tests and local hosts; Lambda itself just ends the process).</param>
    /// <returns>A task that completes when the loop is cancelled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="initialize"/> is null.</exception>
    /// <exception cref="LambdaRuntimeException"><c>AWS_LAMBDA_RUNTIME_API</c> is not set, start-up failed (reported as an init error), or the Runtime API failed.</exception>
    public static Task RunAsync(LambdaInitializer initialize, CancellationToken cancellationToken)
    {
        var runtimeApi = Environment.GetEnvironmentVariable(RuntimeApiVariable);
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            throw new LambdaRuntimeException($"{RuntimeApiVariable} is not set: this process is not running inside a Lambda custom runtime (or a local Runtime API host).");
        }

        return RunAsync(runtimeApi, initialize, cancellationToken);
    }

    /// <summary>Runs the loop against the Runtime API at <paramref name="runtimeApi"/> until cancelled.</summary>
    /// <param name="runtimeApi">The Runtime API's <c>host:port</c>, as in <c>AWS_LAMBDA_RUNTIME_API</c>.</param>
    /// <param name="initialize">Builds the handler once, before the first invocation.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that completes when the loop is cancelled.</returns>
    /// <exception cref="ArgumentException"><paramref name="runtimeApi"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="initialize"/> is null.</exception>
    /// <exception cref="LambdaRuntimeException">Start-up failed (reported as an init error), or the Runtime API failed.</exception>
    public static Task RunAsync(string runtimeApi, LambdaInitializer initialize, CancellationToken cancellationToken)
        => RunAsync(runtimeApi, initialize, TimeProvider.System, cancellationToken);

    internal static async Task RunAsync(string runtimeApi, LambdaInitializer initialize, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        ArgumentNullException.ThrowIfNull(initialize);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var loop = new LambdaRuntimeLoop(new LambdaRuntimeClient(http, runtimeApi), time);
        await loop.RunAsync(initialize, cancellationToken).ConfigureAwait(false);
    }
}
