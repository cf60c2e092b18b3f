using System.Diagnostics;

namespace Exanubes.Cognito.Sample.LocalStack.Peers;

/// <summary>Finds Node.js and makes sure the pinned npm peers (peers/package-lock.json) are installed.</summary>
public static class NodeTools
{
    /// <summary>The <c>node</c> executable on PATH; throws a clear message when Node.js is missing.</summary>
    public static string Node => FindOnPath("node") ?? throw new InvalidOperationException(
        "Node.js was not found on PATH. The local stack runs cognito-local and maildev from npm: install Node.js 20 or later (with npm) and run the command again.");

    /// <summary>Runs <c>npm ci</c> in <paramref name="peersDirectory"/> when its node_modules lacks the packages the stack needs.</summary>
    public static async Task EnsurePeersAsync(string peersDirectory, CancellationToken cancellationToken = default)
    {
        _ = Node;
        string[] required = ["cognito-local/lib/bin/start.js", "maildev/dist/bin/maildev.js"];
        if (required.All(file => File.Exists(Path.Combine(peersDirectory, "node_modules", file))))
        {
            return;
        }

        var npm = FindOnPath("npm") ?? throw new InvalidOperationException(
            "npm was not found on PATH; it installs cognito-local and maildev from peers/package-lock.json. Install Node.js 20 or later with npm.");
        Console.WriteLine($"Installing the npm peers in {peersDirectory} (npm ci, first run only)...");
        var psi = new ProcessStartInfo(npm, "ci --no-audit --no-fund") { WorkingDirectory = peersDirectory, UseShellExecute = false };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm.");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in '{peersDirectory}' failed with exit code {process.ExitCode}.");
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
