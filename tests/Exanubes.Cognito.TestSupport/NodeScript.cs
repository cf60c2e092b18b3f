using System.Diagnostics;

namespace Exanubes.Cognito.TestSupport;

/// <summary>Runs a short Node script to completion (an oracle: reads stdin, prints a result) and returns its stdout.</summary>
public static class NodeScript
{
    /// <summary>
    /// Runs <c>node script args...</c> with <paramref name="stdin"/> piped in; throws with stderr when it exits non-zero
    /// or does not finish within <paramref name="timeout"/> (default two minutes).
    /// </summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string> args, string stdin, TimeSpan? timeout = null)
    {
        await NodePeers.EnsureInstalledAsync().ConfigureAwait(false);
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"Node script '{script}' not found.", script);
        }

        var psi = new ProcessStartInfo(NodePeers.Node)
        {
            WorkingDirectory = Path.GetDirectoryName(script)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start node {script}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin).ConfigureAwait(false);
        process.StandardInput.Close();

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {Path.GetFileName(script)} did not finish in time:\n{await stderr.ConfigureAwait(false)}");
        }

        var output = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"node {Path.GetFileName(script)} failed ({process.ExitCode}):\n{await stderr.ConfigureAwait(false)}\n{output}");
        }

        return output;
    }
}
