using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Exanubes.Cognito.TestSupport;

/// <summary>
/// A peer (a Node program or any executable) started for a test on loopback, waited for until ready, and killed with
/// its whole process tree on dispose. Its output is kept so a failing test can show it.
/// </summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PeerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>A name for messages.</summary>
    public string Name { get; }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A free TCP port on 127.0.0.1 (the OS picks it; a small race with other processes is accepted).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a Node script with arguments and environment.</summary>
    public static PeerProcess StartNode(string name, string script, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? environment = null)
        => Start(name, NodePeers.Node, new[] { script }.Concat(args), workingDirectory, environment);

    /// <summary>Starts any executable with arguments and environment.</summary>
    public static PeerProcess Start(string name, string fileName, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                psi.Environment[key] = value;
            }
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {name} ({fileName})");
        return new PeerProcess(name, process);
    }

    /// <summary>Waits until a TCP port accepts connections; throws with the peer's output when it does not in time or the process dies.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before listening on {port}:\n{Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"{Name} did not listen on 127.0.0.1:{port} in time:\n{Output}");
    }

    /// <summary>Kills the process tree and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (OperationCanceledException)
        {
            // did not exit in time; nothing more to do
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
