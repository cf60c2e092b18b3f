using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Exanubes.Cognito.Sample.Infrastructure;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Aot;

/// <summary>
/// Publishes a sample Lambda as a Native AOT binary (linux-x64, warnings as errors, TrimmerSingleWarn=false) at most
/// once per hash of its inputs: into artifacts/&lt;name&gt;/&lt;hash&gt;/ behind a file lock, so parallel test
/// processes and reruns without a source change publish nothing.
/// </summary>
internal static class AotSamplePublisher
{
    /// <summary>The Native AOT publish command of a sample (also in the README for the email sender).</summary>
    public static IReadOnlyList<string> Arguments(string sample, string output, string artifacts) =>
    [
        "publish", Path.Combine(RepoPaths.Root, "samples", sample, sample + ".csproj"),
        "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-p:TrimmerSingleWarn=false", "-p:TreatWarningsAsErrors=true",
        "-o", output, "--artifacts-path", artifacts, "-p:GenerateDocumentationFile=false", "-nodeReuse:false", "-nologo",
    ];

    /// <summary>
    /// The folder for these inputs; runs <paramref name="publish"/> into it unless an earlier run completed. Returns
    /// whether it came from the cache and how long publishing took here.
    /// </summary>
    public static (string Folder, bool FromCache, double Seconds) EnsurePublished(string name, IEnumerable<string> inputs, Action<string> publish)
    {
        var root = RepoPaths.Artifacts(name);
        var folder = Path.Combine(root, InputHash(inputs));
        Directory.CreateDirectory(folder);
        using (FileLock(Path.Combine(root, ".lock")))
        {
            var marker = Path.Combine(folder, "published.ok");
            if (File.Exists(marker))
            {
                return (folder, true, 0);
            }

            var started = Stopwatch.GetTimestamp();
            publish(folder);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            File.WriteAllText(marker, seconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
            return (folder, false, seconds);
        }
    }

    /// <summary>Publishes <paramref name="sample"/> with Native AOT into <c>folder/aot</c>, its log in <c>folder/aot-publish.log</c>; throws with the log when it fails.</summary>
    public static void PublishAot(string sample, string folder, string binary)
    {
        var log = SenderPublisher.RunDotnet(RepoPaths.Root, Arguments(sample, Path.Combine(folder, "aot"), Path.Combine(folder, "aot-build")));
        File.WriteAllText(Path.Combine(folder, "aot-publish.log"), log);
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"The Native AOT publish of {sample} succeeded but '{binary}' is missing:\n{log}");
        }
    }

    private static string InputHash(IEnumerable<string> inputs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var input in inputs)
        {
            var path = Path.Combine(RepoPaths.Root, input);
            IEnumerable<string> files = File.Exists(path)
                ? [path]
                : Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(RepoPaths.Root, file) + "\n"));
                sha.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static FileStream FileLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(30);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(1000);
            }
        }
    }
}
