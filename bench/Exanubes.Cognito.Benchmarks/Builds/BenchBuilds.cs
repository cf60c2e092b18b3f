using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Benchmarks.Builds;

/// <summary>
/// Builds the bench measures that the tests do not publish (the .NET hellos, the ReadyToRun sender, the Native AOT ESDK
/// child): <c>dotnet publish -c Release</c> into artifacts/bench-builds/&lt;name&gt;-&lt;hash of the inputs&gt;/, once;
/// a rerun without a source change reuses the folder. Publishing is never on a measured path.
/// </summary>
internal static class BenchBuilds
{
    private static readonly string[] SharedInputs = ["src/Exanubes.Cognito.Lambda", "src/Exanubes.EncryptionSdk", "Directory.Build.props", "Directory.Packages.props", "global.json"];

    /// <summary>The folder holding the published output of <paramref name="project"/> (relative to the repository root).</summary>
    public static string Publish(string name, string project, IReadOnlyList<string> inputs, params string[] arguments)
    {
        var hash = InputHash([.. SharedInputs, .. inputs, string.Join(' ', arguments)]);
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "bench-builds", $"{name}-{hash}");
        var marker = Path.Combine(folder, "published.ok");
        if (File.Exists(marker))
        {
            return Path.Combine(folder, "out");
        }

        Console.WriteLine($"  publishing {name} (once; cached in {Path.GetRelativePath(RepoPaths.Root, folder)}): dotnet publish {project} -c Release {string.Join(' ', arguments)}");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["publish", Path.Combine(RepoPaths.Root, project), "-c", "Release", "-o", Path.Combine(folder, "out"), "--artifacts-path", Path.Combine(folder, "build"), "-p:GenerateDocumentationFile=false", "-nodeReuse:false", "-nologo", .. arguments])
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment.Remove("MSBuildExtensionsPath");
        psi.Environment.Remove("MSBuildSDKsPath");
        psi.Environment.Remove("MSBUILD_EXE_PATH");
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing {name} failed:\n{stdout.Result}{stderr.Result}");
        }

        File.WriteAllText(marker, Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        return Path.Combine(folder, "out");
    }

    private static string InputHash(IEnumerable<string> inputs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var input in inputs)
        {
            var path = Path.Combine(RepoPaths.Root, input);
            IEnumerable<string> files = File.Exists(path) ? [path]
                : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                : [];
            sha.AppendData(Encoding.UTF8.GetBytes(input + "\n"));
            foreach (var file in files)
            {
                sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(RepoPaths.Root, file) + "\n"));
                sha.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..12].ToLowerInvariant();
    }
}
