using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Sample.LocalStack.Lambda;

/// <summary>
/// The local Lambda service, both sides of it, on 127.0.0.1:
/// <list type="bullet">
/// <item>the <b>Invoke API</b> on <see cref="Port"/>: <c>POST /2015-03-31/functions/{name}/invocations</c>, as the AWS
/// SDK's Lambda client calls it (cognito-local, with <c>LambdaClient.endpoint</c>). It queues the event for the function
/// and answers with what the function posts back; a function error answers 200 with <c>X-Amz-Function-Error: Unhandled</c>
/// and the error body, as Lambda does;</item>
/// <item>the <b>Lambda Runtime API</b> (2018-06-01), one port per function, as the Lambda runtime interface emulator
/// serves it: <c>GET /2018-06-01/runtime/invocation/next</c> (headers <c>Lambda-Runtime-Aws-Request-Id</c>,
/// <c>-Deadline-Ms</c>, <c>-Invoked-Function-Arn</c>, <c>-Trace-Id</c>), <c>POST …/invocation/{id}/response</c>,
/// <c>…/invocation/{id}/error</c> and <c>…/init/error</c>. Each function runs as its own process polling it through the
/// same loop it runs on AWS (<see cref="LambdaFunction.Start"/>).</item>
/// </list>
/// Hardening (a local port is reachable from any web page the developer opens): a request whose <c>Host</c> is not this
/// port on 127.0.0.1 (or localhost, Invoke only) is refused with 403 (DNS rebinding); an Invoke whose content type a
/// browser form can send (<c>text/plain</c>, form encodings) and a Runtime API post that is not <c>application/json</c>
/// are refused with 415, so no page can invoke a function or answer for one without a CORS preflight, which is never
/// granted. See <see href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html"/>.
/// Can be stopped and started again on the same ports: every start is a cold start of each function.
/// </summary>
public sealed class LambdaHost : IAsyncDisposable
{
    private const string RuntimePrefix = "/2018-06-01/runtime/";
    private static readonly string[] InvokeContentTypes = ["application/json", "binary/octet-stream", "application/octet-stream"];
    private readonly Dictionary<string, HostedFunction> _byName;
    private readonly Dictionary<int, HostedFunction> _byRuntimePort;
    private readonly ILogger _logger;
    private WebApplication? _app;

    private LambdaHost(int port, IReadOnlyList<LambdaFunction> functions, string region, ILogger logger)
    {
        Port = port;
        _logger = logger;
        _byName = functions.ToDictionary(f => f.Name, f => new HostedFunction(f, FreePort(), region, logger), StringComparer.Ordinal);
        _byRuntimePort = _byName.Values.ToDictionary(f => f.RuntimePort);
    }

    /// <summary>The Invoke API's port (stays the same across restarts).</summary>
    public int Port { get; }

    /// <summary>The endpoint to give Lambda clients.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>Whether it is currently listening.</summary>
    public bool IsRunning => _app is not null;

    /// <summary>Each function's <c>AWS_LAMBDA_RUNTIME_API</c> value (<c>127.0.0.1:port</c>), by name.</summary>
    public IReadOnlyDictionary<string, string> RuntimeApis => _byName.ToDictionary(pair => pair.Key, pair => pair.Value.RuntimeApi, StringComparer.Ordinal);

    /// <summary>What each function's current environment runs (for example "Native AOT binary …"), by name.</summary>
    public IReadOnlyDictionary<string, string?> Environments => _byName.ToDictionary(pair => pair.Key, pair => pair.Value.Description, StringComparer.Ordinal);

    /// <summary>Starts the host on 127.0.0.1:<paramref name="port"/> (use a fixed, free port so restarts keep it) and a cold environment of each function.</summary>
    public static async Task<LambdaHost> StartAsync(int port, IReadOnlyList<LambdaFunction> functions, ILoggerFactory loggerFactory, string region = "us-east-1", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var host = new LambdaHost(port, functions, region, loggerFactory.CreateLogger<LambdaHost>());
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>Starts listening again after <see cref="StopAsync"/>, with a new (cold) environment of each function.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls([$"http://127.0.0.1:{Port}", .. _byName.Values.Select(f => $"http://127.0.0.1:{f.RuntimePort}")]);
        var app = builder.Build();
        app.Use(RefuseForeignHostAsync);
        app.MapPost("/2015-03-31/functions/{name}/invocations", InvokeAsync);
        app.MapGet(RuntimePrefix + "invocation/next", NextAsync);
        app.MapPost(RuntimePrefix + "invocation/{id}/response", (HttpContext context, string id) => CompleteAsync(context, id, error: false));
        app.MapPost(RuntimePrefix + "invocation/{id}/error", (HttpContext context, string id) => CompleteAsync(context, id, error: true));
        app.MapPost(RuntimePrefix + "init/error", InitErrorAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        Log.LambdaListening(_logger, Url, string.Join(", ", _byName.Keys));
        foreach (var function in _byName.Values)
        {
            await function.EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops each function's environment and stops listening (invocations fail until <see cref="StartAsync(CancellationToken)"/>).</summary>
    public async Task StopAsync()
    {
        if (_app is null)
        {
            return;
        }

        var app = _app;
        _app = null;
        foreach (var function in _byName.Values)
        {
            await function.StopAsync().ConfigureAwait(false);
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        Log.LambdaStopped(_logger);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private Task RefuseForeignHostAsync(HttpContext context, Func<Task> next)
    {
        var port = context.Connection.LocalPort;
        var host = context.Request.Host;
        var allowed = host.Port == port && (host.Host == "127.0.0.1" || (port == Port && string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase)));
        if (!allowed)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return next();
    }

    private async Task InvokeAsync(HttpContext context, string name)
    {
        if (context.Connection.LocalPort != Port)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!InvokeContentTypes.Any(type => IsMediaType(context.Request.ContentType, type)))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (!_byName.TryGetValue(name, out var function))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.Headers["x-amzn-ErrorType"] = "ResourceNotFoundException";
            await context.Response.WriteAsJsonAsync(new { message = $"Function not found: {name}" }, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var payload = await ReadBodyAsync(context).ConfigureAwait(false);
        var outcome = await function.InvokeAsync(payload, context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        context.Response.ContentType = "application/json";
        if (outcome.FunctionError is not null)
        {
            Log.LambdaFailed(_logger, name, outcome.FunctionError);
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
        }
        else
        {
            Log.LambdaInvoked(_logger, name);
        }

        // A function that returns nothing still answers JSON; cognito-local parses every payload.
        await context.Response.Body.WriteAsync(outcome.Body.Length == 0 ? "{}"u8.ToArray() : outcome.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task NextAsync(HttpContext context)
    {
        if (!_byRuntimePort.TryGetValue(context.Connection.LocalPort, out var function))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        HostedFunction.Pending pending;
        try
        {
            pending = await function.NextAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;   // the environment went away while waiting; nothing was taken from the queue
        }

        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = pending.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = function.InvokedFunctionArn;
        headers["Lambda-Runtime-Trace-Id"] = pending.TraceId;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(pending.Payload, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task CompleteAsync(HttpContext context, string id, bool error)
    {
        if (!_byRuntimePort.TryGetValue(context.Connection.LocalPort, out var function))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!IsJsonPost(context))
        {
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var errorType = error ? context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString() : null;
        if (!function.Complete(id, new InvokeOutcome(body, error ? (string.IsNullOrEmpty(errorType) ? "Unhandled" : errorType) : null)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { errorMessage = "Invalid request ID", errorType = "InvalidRequestID" }, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        await context.Response.WriteAsJsonAsync(new { status = "OK" }, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        if (!_byRuntimePort.TryGetValue(context.Connection.LocalPort, out var function))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!IsJsonPost(context))
        {
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        function.InitFailed(body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString() is { Length: > 0 } type ? type : null);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        await context.Response.WriteAsJsonAsync(new { status = "OK" }, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>False (and 415 set) when a Runtime API post is not <c>application/json</c>.</summary>
    private static bool IsJsonPost(HttpContext context)
    {
        if (IsMediaType(context.Request.ContentType, "application/json"))
        {
            return true;
        }

        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        return false;
    }

    private static bool IsMediaType(string? contentType, string expected)
        => contentType is not null
           && contentType.Split(';', 2)[0].Trim().Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
