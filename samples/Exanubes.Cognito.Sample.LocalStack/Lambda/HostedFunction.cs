using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Sample.LocalStack.Lambda;

/// <summary>
/// One function inside the <see cref="LambdaHost"/>: its Runtime API queue (what <c>invocation/next</c> hands out), the
/// invocations in flight, and its current execution environment. An environment that exits, posts <c>init/error</c> or
/// runs past the deadline fails what it held, and the next invocation starts a fresh one (a cold start), as Lambda does.
/// </summary>
internal sealed class HostedFunction(LambdaFunction definition, int runtimePort, string region, ILogger logger)
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _starting = new(1, 1);
    private LambdaEnvironment? _environment;
    private byte[]? _initError;

    public LambdaFunction Definition { get; } = definition;

    public string Name => Definition.Name;

    public int RuntimePort { get; } = runtimePort;

    /// <summary>The <c>AWS_LAMBDA_RUNTIME_API</c> value; also the only <c>Host</c> header its Runtime API accepts.</summary>
    public string RuntimeApi => $"127.0.0.1:{RuntimePort}";

    public TimeSpan Timeout => Definition.Timeout ?? TimeSpan.FromSeconds(30);

    public string InvokedFunctionArn => $"arn:aws:lambda:{region}:000000000000:function:{Name}";

    /// <summary>What the current environment runs (null before the first start).</summary>
    public string? Description => _environment?.Description;

    /// <summary>Starts an environment unless one is running.</summary>
    public async Task<LambdaEnvironment> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_environment is { Exited.IsCompleted: false } running)
            {
                if (_initError is null)
                {
                    return running;
                }

                // It posted init/error and is on its way out: Lambda never hands such an environment another
                // invocation, so end it now (detached first, so its exit fails nothing of the new one's) and start anew.
                if (Interlocked.CompareExchange(ref _environment, null, running) == running)
                {
                    await running.Stop().ConfigureAwait(false);
                }
            }

            _initError = null;
            var environment = await Definition.Start(RuntimeApi, cancellationToken).ConfigureAwait(false);
            _environment = environment;
            Log.FunctionStarted(logger, Name, environment.Description, RuntimeApi);
            _ = environment.Exited.ContinueWith(exited => OnExited(environment, exited), TaskScheduler.Default);
            return environment;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>Ends the environment; what it held fails.</summary>
    public async Task StopAsync()
    {
        var environment = Interlocked.Exchange(ref _environment, null);
        if (environment is not null)
        {
            await environment.Stop().ConfigureAwait(false);
            FailAll("Runtime.Stopped", "The local Lambda host stopped the function.");
        }
    }

    /// <summary>Queues an invocation for <c>invocation/next</c> and waits for its outcome (or the timeout).</summary>
    public async Task<InvokeOutcome> InvokeAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var environment = await EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        var pending = new Pending(Guid.NewGuid().ToString(), payload, DateTimeOffset.UtcNow.Add(Timeout), NewTraceId());
        _queue.Writer.TryWrite(pending);
        if (environment.Exited.IsCompleted)
        {
            FailAfterExit(environment.Exited);   // it ended between the start and the queueing: nobody will take this one
        }
        try
        {
            return await pending.Outcome.Task.WaitAsync(Timeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Lambda ends an environment that ran past its timeout; the next invocation starts a new one.
            Log.FunctionTimedOut(logger, Name, pending.RequestId);
            _inFlight.TryRemove(pending.RequestId, out _);
            await StopAsync().ConfigureAwait(false);
            return InvokeOutcome.Error("Sandbox.Timedout", string.Create(CultureInfo.InvariantCulture, $"{pending.RequestId} Task timed out after {Timeout.TotalSeconds:F2} seconds"));
        }
    }

    /// <summary>Blocks until an invocation is queued, then marks it in flight.</summary>
    public async Task<Pending> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = await _queue.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!pending.Outcome.Task.IsCompleted)
            {
                _inFlight[pending.RequestId] = pending;
                return pending;
            }
        }
    }

    /// <summary>Completes an in-flight invocation with its <c>response</c> or <c>error</c> post; false for an unknown id.</summary>
    public bool Complete(string requestId, InvokeOutcome outcome)
    {
        if (!_inFlight.TryRemove(requestId, out var pending))
        {
            return false;
        }

        Log.FunctionCompleted(logger, Name, requestId, outcome.FunctionError is null ? "response" : "error " + outcome.FunctionError);
        return pending.Outcome.TrySetResult(outcome);
    }

    /// <summary>Records an <c>init/error</c>: the environment failed to start; what is waiting gets this error.</summary>
    public void InitFailed(byte[] body, string? errorType)
    {
        _initError = body;
        Log.FunctionInitFailed(logger, Name, errorType ?? "unknown");
        FailAll(errorType ?? "Runtime.InitError", body);
    }

    private void OnExited(LambdaEnvironment environment, Task<int> exited)
    {
        var status = exited.IsCompletedSuccessfully ? exited.Result : -1;
        Log.FunctionExited(logger, Name, status);
        if (Interlocked.CompareExchange(ref _environment, null, environment) != environment)
        {
            return;   // stopped on purpose (StopAsync failed what it held), or an older environment: a newer one's invocations are not its to fail
        }

        FailAfterExit(exited);
    }

    private void FailAfterExit(Task<int> exited)
    {
        var status = exited.IsCompletedSuccessfully ? exited.Result : -1;
        if (_initError is { } init)
        {
            FailAll("Runtime.InitError", init);
        }
        else
        {
            FailAll("Runtime.ExitError", string.Create(CultureInfo.InvariantCulture, $"Runtime exited with error: exit status {status}"));
        }
    }

    private void FailAll(string errorType, string message)
        => FailAll(errorType, Encoding.UTF8.GetBytes(new JsonObject { ["errorType"] = errorType, ["errorMessage"] = message }.ToJsonString()));

    private void FailAll(string errorType, byte[] body)
    {
        foreach (var id in _inFlight.Keys)
        {
            if (_inFlight.TryRemove(id, out var pending))
            {
                pending.Outcome.TrySetResult(new InvokeOutcome(body, errorType));
            }
        }

        while (_queue.Reader.TryRead(out var queued))
        {
            queued.Outcome.TrySetResult(new InvokeOutcome(body, errorType));
        }
    }

    /// <summary>An X-Ray trace header as Lambda sends it: <c>Root=1-{epoch hex}-{96-bit id};Parent={64-bit id};Sampled=0</c>.</summary>
    private static string NewTraceId()
    {
        var epoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        return $"Root=1-{epoch}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))};Parent={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))};Sampled=0";
    }

    /// <summary>A queued or in-flight invocation.</summary>
    internal sealed record Pending(string RequestId, byte[] Payload, DateTimeOffset Deadline, string TraceId)
    {
        public TaskCompletionSource<InvokeOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>How an invocation ended: the response body, or an error body and its type (a function error).</summary>
internal sealed record InvokeOutcome(byte[] Body, string? FunctionError)
{
    public static InvokeOutcome Error(string errorType, string message)
        => new(Encoding.UTF8.GetBytes(new JsonObject { ["errorType"] = errorType, ["errorMessage"] = message }.ToJsonString()), errorType);
}
