using System.Diagnostics;
using System.Text;

namespace Exanubes.Cognito.IntegrationTests.Packaging;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process, isolated from the test host: MSBuild/VSTest variables the host
/// inherited are removed, node reuse and the shared compiler server are off so nothing outlives the call.
/// </summary>
internal static class DotNetCli
{
    public static Task<string> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args)
        => RunAsync(workingDirectory, timeout, environment: null, args);

    /// <summary>Runs <c>dotnet args...</c> with extra environment variables; throws with the output on failure or timeout.</summary>
    public static async Task<string> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo(DotNetExecutable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) ||
                key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) ||
                key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                psi.Environment.Remove(key);
            }
        }

        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        psi.Environment["UseSharedCompilation"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish within {timeout}:\n{Text(output)}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({process.ExitCode}) in {workingDirectory}:\n{Text(output)}");
        }

        return Text(output);
    }

    private static string DotNetExecutable()
    {
        // The test host runs under the same dotnet that built it.
        var fromHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromHost) && File.Exists(fromHost))
        {
            return fromHost;
        }

        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        return "dotnet";
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
