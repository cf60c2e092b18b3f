using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.IntegrationTests.Packaging;

/// <summary>
/// Packs every shipped project once per test run into a local folder feed under the system temp folder. The build
/// runs in Release with its own <c>--artifacts-path</c> (bin/obj in the temp folder), so the repository's own obj/
/// and bin/ are never touched and test assemblies running in parallel are not disturbed.
/// </summary>
public sealed class PackedFeedFixture : IAsyncLifetime
{
    /// <summary>Every shipped package (docs/sender-layout.md has the sender family's map); dependencies before dependents.</summary>
    public static readonly string[] PackageIds =
    [
        "Exanubes.Cognito",
        "Exanubes.EncryptionSdk",
        "Exanubes.Cognito.Lambda",
        "Exanubes.Cognito.EmailSender",
        "Exanubes.Cognito.SmsSender",
        "Exanubes.Cognito.Idempotency.DynamoDb",
    ];

    public const string Version = "0.1.0";

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "exanubes-pack-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(WorkDirectory, "feed");

    /// <summary>The commit the packages were built from (<c>git rev-parse HEAD</c>).</summary>
    public string Commit { get; private set; } = string.Empty;

    public string PackOutput { get; private set; } = string.Empty;

    public string Nupkg(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public string Snupkg(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        Commit = (await GitAsync("rev-parse", "HEAD")).Trim();

        // One at a time: the packages reference each other and share the artifacts folder.
        foreach (var id in PackageIds)
        {
            PackOutput += await DotNetCli.RunAsync(
                RepoPaths.Root,
                TimeSpan.FromMinutes(10),
                "pack",
                Path.Combine(RepoPaths.Root, "src", id, id + ".csproj"),
                "-c", "Release",
                "-o", Feed,
                "--artifacts-path", Path.Combine(WorkDirectory, "artifacts"),
                "-p:ContinuousIntegrationBuild=true");
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: the temp folder is unique to this run
        }
        catch (UnauthorizedAccessException)
        {
            // same
        }

        return Task.CompletedTask;
    }

    private static async Task<string> GitAsync(params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("git")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException("could not start git");
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderr}. The pack test needs a git clone (SourceLink reads the commit from it).");
        }

        return stdout;
    }
}
