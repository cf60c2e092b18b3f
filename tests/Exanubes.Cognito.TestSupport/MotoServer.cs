namespace Exanubes.Cognito.TestSupport;

/// <summary>
/// moto_server (Python, on PATH) on a free loopback port: a real AWS API stand-in for DynamoDB conditional writes, KMS
/// and others. Fails loudly when moto_server is missing or does not start; never skips.
/// </summary>
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

    /// <summary>Starts <c>moto_server -H 127.0.0.1 -p PORT</c> and waits for its port.</summary>
    /// <exception cref="InvalidOperationException">moto_server is not on PATH.</exception>
    public static async Task<MotoServer> StartAsync()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "moto_server"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("moto_server is not on PATH: install it with `pip install 'moto[server]'`. Tests that need a DynamoDB stand-in never skip.");
        var port = PeerProcess.FreePort();
        var process = PeerProcess.Start("moto_server", executable, ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], RepoPaths.Root);
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

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
