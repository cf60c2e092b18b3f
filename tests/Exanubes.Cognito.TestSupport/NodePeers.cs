using System.Diagnostics;

namespace Exanubes.Cognito.TestSupport;

/// <summary>
/// The npm peers (cognito-local, maildev, @aws-crypto/client-node, the reference Cognito clients), installed once per
/// machine from the committed lockfile with <c>npm ci</c>. Safe to call from many test processes at once: a file lock
/// serialises the install. Fails loudly when Node.js or npm is missing.
/// </summary>
public static class NodePeers
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static volatile bool s_ready;

    /// <summary>Path of the <c>node</c> executable.</summary>
    public static string Node => FindOnPath("node") ?? throw new InvalidOperationException(
        "Node.js is required for the peer tests (cognito-local, maildev, the JS Encryption SDK). Install Node.js 20+ and npm.");

    /// <summary>The peers' node_modules folder.</summary>
    public static string NodeModules => Path.Combine(RepoPaths.Peers, "node_modules");

    /// <summary>Makes sure node_modules matches the committed lockfile; runs <c>npm ci</c> when it does not.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (s_ready)
        {
            return;
        }

        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (s_ready)
            {
                return;
            }

            var lockPath = Path.Combine(RepoPaths.Peers, ".npm-ci.lock");
            using var fileLock = await AcquireFileLockAsync(lockPath).ConfigureAwait(false);
            if (!IsInstalled())
            {
                await RunNpmCiAsync().ConfigureAwait(false);
                File.WriteAllText(StampPath, Stamp());
            }

            s_ready = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The absolute path of a file inside an installed npm package, e.g. ("cognito-local", "lib/bin/start.js").</summary>
    public static string PackageFile(string package, string relativePath)
    {
        var path = Path.Combine(NodeModules, package, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"npm peer file '{path}' not found; did npm ci in peers/ succeed?", path);
        }

        return path;
    }

    private static string StampPath => Path.Combine(NodeModules, ".exanubes-ci-stamp");

    private static string Stamp() => Convert.ToHexString(
        System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(RepoPaths.Peers, "package-lock.json"))));

    private static bool IsInstalled() => File.Exists(StampPath) && File.ReadAllText(StampPath) == Stamp();

    private static async Task RunNpmCiAsync()
    {
        var npm = FindOnPath("npm") ?? throw new InvalidOperationException(
            "npm is required to install the test peers (peers/package-lock.json). Install Node.js 20+ with npm.");
        var psi = new ProcessStartInfo(npm, "ci --no-audit --no-fund")
        {
            WorkingDirectory = RepoPaths.Peers,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start npm");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in '{RepoPaths.Peers}' failed ({process.ExitCode}):\n{await stdout.ConfigureAwait(false)}\n{await stderr.ConfigureAwait(false)}");
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    internal static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
