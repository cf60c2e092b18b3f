using System.Diagnostics;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>
/// Runs the CDK app itself (Program.cs, in its own process, as <c>dotnet run</c> and the CDK CLI do) and checks what it
/// writes. Its environment carries a canary in every secret setting of the sender's contract: a stack that copied
/// configuration from the environment would leak it into the template.
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class ProgramTests(CognitoStackFixture fixture)
{
    private static readonly string[] CanaryVariables =
        ["SendGrid__ApiKey", "Smtp__UserName", "Smtp__Password", "SENDGRID_API_KEY", "EmailSender__ApiKey"];

    [Fact]
    public async Task Main_DefaultContext_WritesTheTestedTemplateWithoutSecrets()
    {
        var outdir = Path.Combine(Path.GetTempPath(), "exanubes-cdk-program-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output) = await RunAsync(outdir, $"senderAssetPath={fixture.SenderAssetPath}");

            Assert.True(exitCode == 0, $"The CDK app exited with {exitCode}:\n{output}");
            var template = Path.Combine(outdir, "ExanubesCognito.template.json");
            Assert.True(File.Exists(template), $"The CDK app wrote no template to '{template}':\n{output}");
            var json = await File.ReadAllTextAsync(template);

            Assert.DoesNotContain(CognitoStackFixture.Canary, json, StringComparison.Ordinal);
            Assert.DoesNotContain(CognitoStackFixture.Canary, output, StringComparison.Ordinal);
            foreach (var file in Directory.EnumerateFiles(outdir, "*.json"))
            {
                Assert.DoesNotContain(CognitoStackFixture.Canary, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
            }

            // The app builds the very stack the other tests assert on (and the snapshot records).
            Assert.Equal(SynthesizedStack.Normalize(fixture.Default.Json), SynthesizedStack.Normalize(json));
        }
        finally
        {
            if (Directory.Exists(outdir))
            {
                Directory.Delete(outdir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Main_ArgumentWithoutEquals_ExitsWithUsageError()
    {
        var outdir = Path.Combine(Path.GetTempPath(), "exanubes-cdk-program-" + Guid.NewGuid().ToString("N"));

        var (exitCode, output) = await RunAsync(outdir, "mailer");

        Assert.Equal(2, exitCode);
        Assert.Contains("key=value", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outdir));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string outdir, params string[] args)
    {
        // Run the app from its own build output, with its own deps.json: in this test assembly's folder, package
        // assemblies the CDK app needs (Microsoft.Extensions.Logging.Console 8 for jsii) are unified away by the
        // ASP.NET Core shared framework the demo references bring in.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var app = Path.Combine(
            RepoPaths.Root, "samples", "Exanubes.Cognito.Sample.Infrastructure", "bin",
            testOutput.Parent!.Name, testOutput.Name, "Exanubes.Cognito.Sample.Infrastructure.dll");
        Assert.True(File.Exists(app), $"The CDK app is not built at '{app}'.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CDK_OUTDIR"] = outdir;
        foreach (var key in CanaryVariables)
        {
            start.Environment[key] = CognitoStackFixture.Canary;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The CDK app did not finish within 3 minutes:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
