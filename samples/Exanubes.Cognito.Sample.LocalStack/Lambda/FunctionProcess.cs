using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Exanubes.Cognito.Sample.LocalStack.Lambda;

/// <summary>Starts a function's process (its <c>Main</c> runs the Runtime API loop) with Lambda's environment, its output into the stack log.</summary>
internal static class FunctionProcess
{
    public static LambdaEnvironment Start(string file, IReadOnlyList<string> arguments, string description, Dictionary<string, string> environment, ILogger logger)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, e) => Forward(logger, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(logger, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = WaitAsync(process);
        return new LambdaEnvironment($"{description}, pid {process.Id}", exited, async () =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already exited
            }

            await exited.ConfigureAwait(false);
        });
    }

    private static async Task<int> WaitAsync(Process process)
    {
        using (process)
        {
            await process.WaitForExitAsync().ConfigureAwait(false);
            return process.ExitCode;
        }
    }

    private static void Forward(ILogger logger, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Log.FunctionOutput(logger, line);
        }
    }

    public static string DotnetHost()
        => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.Ordinal) ? path : "dotnet";
}
