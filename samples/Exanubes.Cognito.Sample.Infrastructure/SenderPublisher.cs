using System.Diagnostics;

namespace Exanubes.Cognito.Sample.Infrastructure;

/// <summary>Publishes samples/Exanubes.Cognito.Sample.EmailSender so the stack deploys the real function.</summary>
public static class SenderPublisher
{
    /// <summary>The sender project, relative to the repository root.</summary>
    public const string ProjectPath = "samples/Exanubes.Cognito.Sample.EmailSender/Exanubes.Cognito.Sample.EmailSender.csproj";

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

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Portable (no runtime identifier): the managed .NET runtime supplies the framework on x86_64 and arm64.
        foreach (var arg in new[]
                 {
                     "publish", Path.Combine(repositoryRoot, ProjectPath), "-c", "Release", "-o", outputDirectory,
                     "--artifacts-path", artifactsDirectory, "-p:GenerateDocumentationFile=false", "-nodeReuse:false", "-nologo",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // An outer `dotnet test`/`dotnet run` exports MSBuild variables that would bend the nested build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start 'dotnet publish' for the sender function.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'dotnet publish {ProjectPath}' failed with exit code {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }

        var assembly = Path.Combine(outputDirectory, "Exanubes.Cognito.Sample.EmailSender.dll");
        return File.Exists(assembly)
            ? outputDirectory
            : throw new InvalidOperationException($"'dotnet publish' succeeded but '{assembly}' is missing.");
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
