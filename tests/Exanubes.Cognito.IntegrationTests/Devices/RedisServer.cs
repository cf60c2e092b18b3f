using System.Globalization;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.IntegrationTests.Devices;

/// <summary>A throw-away redis-server on 127.0.0.1 (no persistence), started for a test class and killed after.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private PeerProcess? _process;

    /// <summary>The port it listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis configuration string.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public async Task InitializeAsync()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: the distributed-cache device store tests need it (apt-get install redis-server; .ci/run installs it).");
        Port = PeerProcess.FreePort();
        _process = PeerProcess.Start(
            "redis-server",
            executable,
            ["--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--save", string.Empty, "--appendonly", "no", "--protected-mode", "yes"],
            Path.GetTempPath());
        await _process.WaitForPortAsync(Port);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
