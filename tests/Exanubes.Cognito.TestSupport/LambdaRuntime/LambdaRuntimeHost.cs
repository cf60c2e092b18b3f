using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading.Channels;

namespace Exanubes.Cognito.TestSupport;

/// <summary>
/// A loopback Lambda Runtime API host (the emulator side, like the Lambda runtime interface emulator) for tests and the
/// bench: it queues invocations, hands them out on <c>invocation/next</c>, and completes each with the function's
/// <c>response</c> or <c>error</c> post, or records an <c>init/error</c>. Only 127.0.0.1; requests with another
/// <c>Host</c> are refused with 403, posts without a JSON content type with 415.
/// </summary>
public sealed class LambdaRuntimeHost : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private readonly HttpListener _listener = new();
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<LambdaRuntimeError> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _nextCalls;

    private LambdaRuntimeHost(int port)
    {
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string RuntimeApi => $"127.0.0.1:{Port}";

    /// <summary>How many <c>invocation/next</c> calls arrived.</summary>
    public int NextCalls => Volatile.Read(ref _nextCalls);

    /// <summary>Completes when the function posts <c>init/error</c>.</summary>
    public Task<LambdaRuntimeError> InitError => _initError.Task;

    /// <summary>Starts a host on a free loopback port.</summary>
    public static LambdaRuntimeHost Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new LambdaRuntimeHost(PeerProcess.FreePort());
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>Queues an invocation and waits for the function's answer.</summary>
    /// <param name="payload">The event JSON.</param>
    /// <param name="timeout">The function timeout the deadline header announces; default 30 s.</param>
    /// <param name="traceId">The <c>Lambda-Runtime-Trace-Id</c> to send, if any.</param>
    public Task<LambdaRuntimeResult> InvokeAsync(ReadOnlyMemory<byte> payload, TimeSpan? timeout = null, string? traceId = null)
    {
        var pending = new Pending(Guid.NewGuid().ToString(), payload.ToArray(), timeout ?? TimeSpan.FromSeconds(30), traceId);
        _queue.Writer.TryWrite(pending);
        return pending.Result.Task;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or OperationCanceledException)
        {
        }

        foreach (var pending in _inFlight.Values)
        {
            pending.Result.TrySetCanceled();
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            if (!string.Equals(request.Headers["Host"], RuntimeApi, StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = 403;
                return;
            }

            var path = request.Url!.AbsolutePath;
            if (request.HttpMethod == "GET" && path == Prefix + "invocation/next")
            {
                Interlocked.Increment(ref _nextCalls);
                var pending = await _queue.Reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                _inFlight[pending.RequestId] = pending;
                response.StatusCode = 200;
                response.ContentType = "application/json";
                response.Headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
                response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.Add(pending.Timeout).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:local";
                if (pending.TraceId is not null)
                {
                    response.Headers["Lambda-Runtime-Trace-Id"] = pending.TraceId;
                }

                // A known length, written once: a chunked body ends with a separate tiny write that Nagle's algorithm
                // holds until the client's delayed ACK (about 40 ms on Linux), which once put a fixed 40 ms into every
                // warm event the coldstart bench measured.
                response.ContentLength64 = pending.Payload.Length;
                await response.OutputStream.WriteAsync(pending.Payload).ConfigureAwait(false);
                return;
            }

            if (request.HttpMethod != "POST")
            {
                response.StatusCode = 404;
                return;
            }

            if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = 415;
                return;
            }

            using var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var errorType = request.Headers["Lambda-Runtime-Function-Error-Type"];
            if (path == Prefix + "init/error")
            {
                _initError.TrySetResult(new LambdaRuntimeError(errorType, body.ToArray()));
                response.StatusCode = 202;
                return;
            }

            var parts = path[Prefix.Length..].Split('/');
            if (parts is ["invocation", var id, var kind and ("response" or "error")] && _inFlight.TryRemove(Uri.UnescapeDataString(id), out var done))
            {
                response.StatusCode = 202;
                done.Result.TrySetResult(new LambdaRuntimeResult(done.RequestId, kind == "response", body.ToArray(), kind == "error" ? errorType : null, Stopwatch.GetTimestamp()));
                return;
            }

            response.StatusCode = 400;
        }
        catch (OperationCanceledException)
        {
            response.StatusCode = 503;
        }
        finally
        {
            try
            {
                if (response.StatusCode != 200)
                {
                    response.ContentLength64 = 0;   // no body: no chunked terminator written on its own (see above)
                }

                response.Close();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or InvalidOperationException)
            {
            }
        }
    }

    private sealed record Pending(string RequestId, byte[] Payload, TimeSpan Timeout, string? TraceId)
    {
        public TaskCompletionSource<LambdaRuntimeResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
