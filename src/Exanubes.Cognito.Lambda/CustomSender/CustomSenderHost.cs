using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Lambda;

/// <summary>Handles one custom sender event from its UTF-8 JSON.</summary>
internal delegate Task CustomSenderHandler(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

/// <summary>
/// What both custom sender functions do around their pipeline: build the services once per container from the
/// environment (JSON-line logging to standard output, the sender's registrations), then run each event as the managed
/// runtime's class-library handler or over the Runtime API loop, answering <c>{}</c>.
/// </summary>
/// <param name="environment">The environment seam.</param>
/// <param name="output">Standard output (null: the console).</param>
/// <param name="register">The sender's registrations, given the services and the configuration built from the environment.</param>
/// <param name="start">Checks the built services and returns the handler; given the provider and the build start timestamp.</param>
internal sealed class CustomSenderHost(
    IEnvironmentVariables environment,
    TextWriter? output,
    Action<IServiceCollection, IConfiguration> register,
    Func<IServiceProvider, long, CustomSenderHandler> start)
{
    private static readonly byte[] EmptyResponse = "{}"u8.ToArray();

    private readonly Lock _gate = new();
    private ServiceProvider? _services;
    private CustomSenderHandler? _handler;

    /// <summary>The built services (building them on first use).</summary>
    public IServiceProvider Services
    {
        get
        {
            _ = Handler;
            return _services!;
        }
    }

    /// <summary>The handler, building the services on first use; a build failure is thrown and retried on the next call.</summary>
    public CustomSenderHandler Handler
    {
        get
        {
            var handler = Volatile.Read(ref _handler);
            if (handler is not null)
            {
                return handler;
            }

            lock (_gate)
            {
                if (_handler is null)
                {
                    Build();
                }

                return _handler!;
            }
        }
    }

    /// <summary>The class-library handler: reads the event, runs it, returns <c>{}</c>.</summary>
    public async Task<Stream> HandleAsync(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ReadOnlyMemory<byte> json;
        if (input is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            json = buffer.AsMemory((int)memory.Position);
        }
        else
        {
            using var copy = new MemoryStream();
            await input.CopyToAsync(copy).ConfigureAwait(false);
            json = copy.GetBuffer().AsMemory(0, (int)copy.Length);
        }

        await Handler(json, CancellationToken.None).ConfigureAwait(false);
        return new MemoryStream(EmptyResponse, writable: false);
    }

    /// <summary>Runs the Runtime API loop named by <c>AWS_LAMBDA_RUNTIME_API</c> in the environment seam.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var runtimeApi = environment.GetAll().FirstOrDefault(v => v.Key == LambdaRuntime.RuntimeApiVariable).Value;
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            throw new LambdaRuntimeException($"{LambdaRuntime.RuntimeApiVariable} is not set: RunAsync runs the function as a Lambda custom runtime; the managed .NET runtime calls HandleAsync instead.");
        }

        return LambdaRuntime.RunAsync(runtimeApi, initCancellation =>
        {
            initCancellation.ThrowIfCancellationRequested();
            _ = Handler;
            return ValueTask.FromResult<LambdaInvocationHandler>(HandleInvocationAsync);
        }, cancellationToken);
    }

    private async Task<ReadOnlyMemory<byte>> HandleInvocationAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        await Handler(invocation.Payload, cancellationToken).ConfigureAwait(false);
        return EmptyResponse;
    }

    private void Build()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var configuration = BuildConfiguration();
        var stdout = new StandardOutput(output ?? Console.Out);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(stdout);
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddProvider(new JsonLineLoggerProvider(stdout.Writer, TimeProvider.System));
        });

        register(services, configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = false });
        try
        {
            var handler = start(provider, started);
            _services = provider;
            Volatile.Write(ref _handler, handler);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    private IConfigurationRoot BuildConfiguration()
    {
        var values = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in environment.GetAll())
        {
            values.Add(new(key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), value));
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
