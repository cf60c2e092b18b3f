namespace Exanubes.Cognito.TestSupport;

/// <summary>
/// moto (Python, on PATH) on a free loopback port: a real AWS API stand-in for DynamoDB conditional writes, KMS
/// and others. Fails loudly when moto is missing or does not start; never skips.
/// </summary>
/// <remarks>
/// It runs moto's own server application through <c>moto_serial_server.py</c>, which answers one request at a time:
/// <c>moto_server</c> dispatches requests on threads and its DynamoDB backend evaluates a condition and writes without a
/// lock, so two concurrent conditional puts on one key could both succeed, which DynamoDB never allows (CI once saw 2
/// mails from 50 concurrent deliveries). Serialising restores the per-item atomicity of the real service.
/// </remarks>
public sealed class MotoServer : IAsyncDisposable
{
    private readonly PeerProcess _process;

    private MotoServer(PeerProcess process, int port)
    {
        _process = process;
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>The service URL to give an AWS SDK client (<c>ServiceURL</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>What moto printed (for failure messages).</summary>
    public string Output => _process.Output;

    /// <summary>Starts moto's server application on 127.0.0.1 (one request at a time) and waits for its port.</summary>
    /// <exception cref="InvalidOperationException">python3 or moto_server is not on PATH.</exception>
    public static async Task<MotoServer> StartAsync()
    {
        _ = OnPath("moto_server") ?? throw new InvalidOperationException("moto_server is not on PATH: install it with `pip install 'moto[server]'`. Tests that need a DynamoDB stand-in never skip.");
        var python = OnPath("python3") ?? throw new InvalidOperationException("python3 (with moto) is not on PATH. Tests that need a DynamoDB stand-in never skip.");
        var script = Path.Combine(RepoPaths.Root, "tests", "Exanubes.Cognito.TestSupport", "moto_serial_server.py");
        var port = PeerProcess.FreePort();
        var process = PeerProcess.Start("moto", python, [script, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], RepoPaths.Root);
        try
        {
            await process.WaitForPortAsync(port, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new MotoServer(process, port);
    }

    private static string? OnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
