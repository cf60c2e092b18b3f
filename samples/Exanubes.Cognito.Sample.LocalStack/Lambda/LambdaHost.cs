using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Sample.LocalStack.Lambda;

/// <summary>
/// A local Lambda invoke endpoint: <c>POST /2015-03-31/functions/{name}/invocations</c>, as the AWS SDK's Lambda client
/// calls it (cognito-local's aws-sdk v2 client with <c>LambdaClient.endpoint</c>). Each named function is an in-process
/// handler taking the event stream and returning the response stream, so the sample function runs unchanged. A handler
/// that throws answers 200 with <c>X-Amz-Function-Error: Unhandled</c> and an error payload, like Lambda does.
/// Can be stopped and started again on the same port to show the stack surviving a restart.
/// </summary>
public sealed class LambdaHost : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, Func<Func<Stream, Task<Stream>>>> _factories;
    private Dictionary<string, Func<Stream, Task<Stream>>> _functions = [];
    private readonly ILogger _logger;
    private WebApplication? _app;

    private LambdaHost(int port, IReadOnlyDictionary<string, Func<Func<Stream, Task<Stream>>>> factories, ILogger logger)
    {
        Port = port;
        _factories = factories;
        _logger = logger;
    }

    /// <summary>The port it listens on (stays the same across restarts).</summary>
    public int Port { get; }

    /// <summary>The endpoint to give Lambda clients.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>Whether it is currently listening.</summary>
    public bool IsRunning => _app is not null;

    /// <summary>Starts the host on 127.0.0.1:<paramref name="port"/> (use a fixed, free port so restarts keep it); each function comes from its factory at every (cold) start.</summary>
    public static async Task<LambdaHost> StartAsync(int port, IReadOnlyDictionary<string, Func<Func<Stream, Task<Stream>>>> functions, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        var host = new LambdaHost(port, functions, loggerFactory.CreateLogger<LambdaHost>());
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>Starts listening again after <see cref="StopAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            return;
        }

        // Every start is a cold start: each function is created anew, reading its configuration again.
        _functions = _factories.ToDictionary(pair => pair.Key, pair => pair.Value());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var app = builder.Build();
        app.MapPost("/2015-03-31/functions/{name}/invocations", InvokeAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        Log.LambdaListening(_logger, Url, string.Join(", ", _functions.Keys));
    }

    /// <summary>Stops listening (invocations fail until <see cref="StartAsync(CancellationToken)"/>).</summary>
    public async Task StopAsync()
    {
        if (_app is null)
        {
            return;
        }

        var app = _app;
        _app = null;
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        Log.LambdaStopped(_logger);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task InvokeAsync(HttpContext context, string name)
    {
        if (!_functions.TryGetValue(name, out var handler))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.Headers["x-amzn-ErrorType"] = "ResourceNotFoundException";
            await context.Response.WriteAsJsonAsync(new { message = $"Function not found: {name}" }, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var input = new MemoryStream();
        await context.Request.Body.CopyToAsync(input, context.RequestAborted).ConfigureAwait(false);
        input.Position = 0;
        context.Response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        context.Response.ContentType = "application/json";
        try
        {
            await using var output = await handler(input).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await output.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            Log.LambdaInvoked(_logger, name);

            // A function that returns nothing still answers JSON; cognito-local parses every payload.
            if (buffer.Length == 0)
            {
                await context.Response.WriteAsync("{}", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Lambda reports any failure of the function as an Unhandled function error.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.LambdaFailed(_logger, name, ex.GetType().Name, ex.Message);
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            var error = new JsonObject { ["errorType"] = ex.GetType().Name, ["errorMessage"] = ex.Message };
            await context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
    }
}
