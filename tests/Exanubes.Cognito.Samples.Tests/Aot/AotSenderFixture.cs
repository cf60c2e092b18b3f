using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Exanubes.Cognito.Sample.Infrastructure;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Aot;

/// <summary>
/// The sample sender published twice, once per test run at most: as a Native AOT binary (linux-x64, warnings as errors,
/// TrimmerSingleWarn=false) and as the portable JIT build the managed runtime runs. Both are cached under
/// artifacts/aot-sender/&lt;hash of the inputs&gt;/ behind a file lock, so parallel test processes and reruns without a
/// source change publish nothing; the bench reuses the same folder.
/// </summary>
public sealed class AotSenderFixture
{
    private static readonly string[] Inputs =
    [
        "src/Exanubes.Cognito.EmailSender", "src/Exanubes.Cognito.Lambda", "src/Exanubes.EncryptionSdk", "src/Exanubes.Cognito/UserPools",
        "samples/Exanubes.Cognito.Sample.EmailSender", "Directory.Build.props", "Directory.Packages.props", "global.json",
    ];

    public AotSenderFixture()
    {
        var root = RepoPaths.Artifacts("aot-sender");
        Folder = Path.Combine(root, InputHash());
        Directory.CreateDirectory(Folder);
        using (FileLock(Path.Combine(root, ".lock")))
        {
            var marker = Path.Combine(Folder, "published.ok");
            if (!File.Exists(marker))
            {
                var started = Stopwatch.GetTimestamp();
                PublishAot();
                SenderPublisher.Publish(RepoPaths.Root, Path.Combine(Folder, "jit"), Path.Combine(Folder, "jit-build"));
                PublishSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                File.WriteAllText(marker, PublishSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                FromCache = true;
            }
        }
    }

    /// <summary>artifacts/aot-sender/&lt;hash&gt;.</summary>
    public string Folder { get; }

    /// <summary>The native executable.</summary>
    public string AotBinary => Path.Combine(Folder, "aot", "Exanubes.Cognito.Sample.EmailSender");

    /// <summary>The JIT build's assembly (run with <c>dotnet</c>).</summary>
    public string JitAssembly => Path.Combine(Folder, "jit", "Exanubes.Cognito.Sample.EmailSender.dll");

    /// <summary>The AOT publish's full output.</summary>
    public string PublishLog => File.ReadAllText(Path.Combine(Folder, "aot-publish.log"));

    /// <summary>Whether both builds came from the cache.</summary>
    public bool FromCache { get; }

    /// <summary>How long publishing took in this process (0 when cached).</summary>
    public double PublishSeconds { get; }

    /// <summary>The AOT publish command (also in the README).</summary>
    public static IReadOnlyList<string> AotPublishArguments(string output, string artifacts) =>
    [
        "publish", Path.Combine(RepoPaths.Root, "samples", "Exanubes.Cognito.Sample.EmailSender", "Exanubes.Cognito.Sample.EmailSender.csproj"),
        "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-p:TrimmerSingleWarn=false", "-p:TreatWarningsAsErrors=true",
        "-o", output, "--artifacts-path", artifacts, "-p:GenerateDocumentationFile=false", "-nodeReuse:false", "-nologo",
    ];

    private void PublishAot()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in AotPublishArguments(Path.Combine(Folder, "aot"), Path.Combine(Folder, "aot-build")))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var log = stdout.Result + stderr.Result;
        File.WriteAllText(Path.Combine(Folder, "aot-publish.log"), log);
        if (process.ExitCode != 0 || !File.Exists(AotBinary))
        {
            throw new InvalidOperationException($"The Native AOT publish of the sample sender failed (exit {process.ExitCode}):\n{log}");
        }
    }

    private static string InputHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var input in Inputs)
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
