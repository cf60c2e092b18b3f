using System.Diagnostics;

namespace Exanubes.Cognito.Sample.Infrastructure;

/// <summary>Publishes samples/Exanubes.Cognito.Sample.EmailSender so the stack deploys the real function.</summary>
public static class SenderPublisher
{
    /// <summary>The sender project, relative to the repository root.</summary>
    public const string ProjectPath = "samples/Exanubes.Cognito.Sample.EmailSender/Exanubes.Cognito.Sample.EmailSender.csproj";

    /// <summary>The sample Custom SMS Sender project, relative to the repository root.</summary>
    public const string SmsProjectPath = "samples/Exanubes.Cognito.Sample.SmsSender/Exanubes.Cognito.Sample.SmsSender.csproj";

    /// <summary>
    /// Runs <c>dotnet publish -c Release</c> on the sender into <paramref name="outputDirectory"/>, with every
    /// intermediate file under <paramref name="artifactsDirectory"/> so it never shares obj/ folders with a build of
    /// the repository running at the same time (the root <c>dotnet test</c> builds test assemblies in parallel).
    /// </summary>
    /// <returns><paramref name="outputDirectory"/>, holding the function's assemblies.</returns>
    /// <exception cref="InvalidOperationException">The publish failed; the message carries its output.</exception>
    public static string Publish(string repositoryRoot, string outputDirectory, string artifactsDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentException.ThrowIfNullOrEmpty(artifactsDirectory);
        if (Directory.Exists(outputDirectory))
        {
            // Stale files from an older publish would be zipped into the asset.
            Directory.Delete(outputDirectory, recursive: true);
        }

        // Portable (no runtime identifier): the managed .NET runtime supplies the framework on x86_64 and arm64.
        RunDotnet(repositoryRoot,
        [
            "publish", Path.Combine(repositoryRoot, ProjectPath), "-c", "Release", "-o", outputDirectory,
            "--artifacts-path", artifactsDirectory, "-p:GenerateDocumentationFile=false", "-nodeReuse:false", "-nologo",
        ]);

        var assembly = Path.Combine(outputDirectory, "Exanubes.Cognito.Sample.EmailSender.dll");
        return File.Exists(assembly)
            ? outputDirectory
            : throw new InvalidOperationException($"'dotnet publish' succeeded but '{assembly}' is missing.");
    }

    /// <summary>
    /// Publishes the sample Custom SMS Sender (<c>samples/Exanubes.Cognito.Sample.SmsSender</c>) for the managed .NET
    /// runtime into <paramref name="outputDirectory"/>, for the stack's <c>smsSender</c> flag.
    /// </summary>
    /// <returns><paramref name="outputDirectory"/>.</returns>
    /// <exception cref="InvalidOperationException">The publish failed; the message carries its output.</exception>
    public static string PublishSmsSender(string repositoryRoot, string outputDirectory, string artifactsDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentException.ThrowIfNullOrEmpty(artifactsDirectory);
        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        RunDotnet(repositoryRoot,
        [
            "publish", Path.Combine(repositoryRoot, SmsProjectPath), "-c", "Release", "-o", outputDirectory,
            "--artifacts-path", artifactsDirectory, "-p:GenerateDocumentationFile=false", "-nodeReuse:false", "-nologo",
        ]);

        var assembly = Path.Combine(outputDirectory, "Exanubes.Cognito.Sample.SmsSender.dll");
        return File.Exists(assembly)
            ? outputDirectory
            : throw new InvalidOperationException($"'dotnet publish' succeeded but '{assembly}' is missing.");
    }

    /// <summary>
    /// Publishes the sender as a Native AOT binary for <paramref name="runtimeIdentifier"/> (<c>linux-x64</c> here;
    /// <c>linux-arm64</c> only on an arm64 machine) into <paramref name="outputDirectory"/> and names it
    /// <c>bootstrap</c>, as <c>provided.al2023</c> expects. Warnings are errors and listed one by one.
    /// </summary>
    /// <returns><paramref name="outputDirectory"/>, holding <c>bootstrap</c>.</returns>
    /// <exception cref="InvalidOperationException">The publish failed; the message carries its output.</exception>
    public static string PublishNativeAot(string repositoryRoot, string outputDirectory, string artifactsDirectory, string runtimeIdentifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentException.ThrowIfNullOrEmpty(artifactsDirectory);
        ArgumentException.ThrowIfNullOrEmpty(runtimeIdentifier);
        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        RunDotnet(repositoryRoot,
        [
            "publish", Path.Combine(repositoryRoot, ProjectPath), "-c", "Release", "-r", runtimeIdentifier, "-p:PublishAot=true",
            "-p:TrimmerSingleWarn=false", "-p:TreatWarningsAsErrors=true", "-o", outputDirectory,
            "--artifacts-path", artifactsDirectory, "-p:GenerateDocumentationFile=false", "-nodeReuse:false", "-nologo",
        ]);
        var binary = Path.Combine(outputDirectory, "Exanubes.Cognito.Sample.EmailSender");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"'dotnet publish' succeeded but '{binary}' is missing.");
        }

        File.Move(binary, Path.Combine(outputDirectory, "bootstrap"));
        return outputDirectory;
    }

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="args"/> in <paramref name="repositoryRoot"/>, without the MSBuild variables
    /// an outer <c>dotnet test</c> or <c>dotnet run</c> exports; returns its output (standard output, then standard error).
    /// </summary>
    /// <exception cref="InvalidOperationException">dotnet exited with an error; the message carries its output.</exception>
    public static string RunDotnet(string repositoryRoot, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // An outer `dotnet test`/`dotnet run` exports MSBuild variables that would bend the nested build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");

        var command = $"dotnet {args[0]} {(args.Count > 1 ? Path.GetRelativePath(repositoryRoot, args[1]) : string.Empty)}".TrimEnd();
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start '{command}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var output = stdout.Result + "\n" + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed with exit code {process.ExitCode}:\n{output}");
        }

        return output;
    }

    /// <summary>The repository root: the first folder holding Exanubes.Cognito.sln above <paramref name="start"/>.</summary>
    /// <exception cref="InvalidOperationException">No such folder.</exception>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Exanubes.Cognito.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Exanubes.Cognito.sln not found above '{start}'.");
    }
}
