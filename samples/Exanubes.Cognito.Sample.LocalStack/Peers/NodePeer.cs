using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Sample.LocalStack.Peers;

/// <summary>
/// A Node.js program from <c>peers/node_modules</c> (cognito-local, maildev) run as a child process on loopback, waited
/// for until its port answers, and stopped with its process tree. Can be stopped and started again with the same
/// arguments, which is how the stack shows a restart losing nothing (state lives in files, not in the process).
/// </summary>
public sealed class NodePeer : IAsyncDisposable
{
    private readonly string _script;
    private readonly IReadOnlyList<string> _arguments;
    private readonly string _workingDirectory;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly int _readyPort;
    private readonly ILogger _logger;
    private readonly StringBuilder _output = new();
    private Process? _process;

    internal NodePeer(string name, string script, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, int readyPort, ILogger logger)
    {
        Name = name;
        _script = script;
        _arguments = arguments;
        _workingDirectory = workingDirectory;
        _environment = environment;
        _readyPort = readyPort;
        _logger = logger;
    }

    /// <summary>A name for messages.</summary>
    public string Name { get; }

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the process printed (for error messages).</summary>
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

    /// <summary>Starts the process and waits until its port accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var psi = new ProcessStartInfo(NodeTools.Node)
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(_script);
        foreach (var argument in _arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment)
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {Name} ({_script}).");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitForPortAsync(cancellationToken).ConfigureAwait(false);
        Log.PeerListening(_logger, Name, _readyPort);
    }

    /// <summary>Stops the process tree and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (OperationCanceledException)
        {
            Log.PeerSlowToExit(_logger, Name);
        }
        finally
        {
            process.Dispose();
        }

        // The port must be free again before a restart binds it.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && await AcceptsAsync(_readyPort).ConfigureAwait(false))
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        Log.PeerStopped(_logger, Name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task WaitForPortAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process?.ExitCode} before listening on 127.0.0.1:{_readyPort}:\n{Output}");
            }

            if (await AcceptsAsync(_readyPort).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Name} did not listen on 127.0.0.1:{_readyPort} within 60 s:\n{Output}");
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
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
            if (_output.Length > 64_000)
            {
                _output.Remove(0, _output.Length - 32_000);
            }
        }
    }
}
