using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Exanubes.Cognito.IntegrationTests.Packaging;

/// <summary>
/// A fresh consumer project outside the repository (so none of its Directory.*.props apply) restores
/// <c>Exanubes.Cognito</c> 0.1.0 from the packed local feed, calls <c>services.AddCognitoAuth(...)</c>, builds with
/// warnings as errors, and runs: the package is usable as shipped.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed partial class ConsumerProjectTests(PackedFeedFixture feed)
{
    private const string ConsumerProgram = """
        using Exanubes.Cognito;
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCognitoAuth(options =>
        {
            options.UserPoolId = "eu-west-1_Consumer1";
            options.ClientId = "consumer-app-client";
        });

        await using var provider = services.BuildServiceProvider();
        var auth = provider.GetRequiredService<ICognitoAuthService>();
        Console.WriteLine($"resolved {nameof(ICognitoAuthService)}: {auth is not null}");
        """;

    [Fact]
    public async Task Consumer_RestoresFromLocalFeed_AddCognitoAuthBuildsAndRuns()
    {
        var consumer = Path.Combine(feed.WorkDirectory, "consumer");
        var packages = Path.Combine(feed.WorkDirectory, "consumer-packages");
        Directory.CreateDirectory(consumer);

        // Stop MSBuild's upward search for Directory.* files at the consumer folder.
        File.WriteAllText(Path.Combine(consumer, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(consumer, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(consumer, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), (await NuGetConfigAsync(packages)).ToString());
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Exanubes.Cognito" Version="{PackedFeedFixture.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);

        // NUGET_PACKAGES would override globalPackagesFolder: pin it to this run's folder too.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        await DotNetCli.RunAsync(consumer, TimeSpan.FromMinutes(10), environment, "build", "Consumer.csproj", "-c", "Debug");

        // The package in use is the one just packed, extracted into this run's own packages folder.
        var restored = Path.Combine(packages, "exanubes.cognito", PackedFeedFixture.Version, $"exanubes.cognito.{PackedFeedFixture.Version}.nupkg");
        Assert.True(File.Exists(restored), $"Exanubes.Cognito was not restored into {packages}");
        Assert.Equal(Sha256(feed.Nupkg("Exanubes.Cognito")), Sha256(restored));

        var output = await DotNetCli.RunAsync(consumer, TimeSpan.FromMinutes(2), Path.Combine(consumer, "bin", "Debug", "net10.0", "Consumer.dll"));
        Assert.Contains("resolved ICognitoAuthService: True", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The consumer's nuget.config: the packed feed is the only source for Exanubes.* (package source mapping); every
    /// other package comes from this machine's package cache (read as a local feed, no download) or the registries
    /// this machine has configured. Packages extract into a folder of this run, so a stale 0.1.0 in the machine's
    /// cache can never be picked up.
    /// </summary>
    private async Task<XDocument> NuGetConfigAsync(string packagesFolder)
    {
        var machineSources = MachineSourceRegex().Matches(await DotNetCli.RunAsync(feed.WorkDirectory, TimeSpan.FromMinutes(1), "nuget", "list", "source", "--format", "short"))
            .Select(m => m.Groups["url"].Value.Trim())
            .ToList();
        var machineCache = MachineCacheRegex().Match(await DotNetCli.RunAsync(feed.WorkDirectory, TimeSpan.FromMinutes(1), "nuget", "locals", "global-packages", "--list"))
            .Groups["path"].Value.Trim();

        var sources = new XElement("packageSources", new XElement("clear"), Add("exanubes-local-feed", feed.Feed));
        var mapping = new XElement("packageSourceMapping",
            new XElement("packageSource", new XAttribute("key", "exanubes-local-feed"), Pattern("Exanubes.*")));
        var others = new List<(string Key, string Value)>();
        if (Directory.Exists(machineCache))
        {
            others.Add(("machine-package-cache", machineCache));
        }

        others.AddRange(machineSources.Select((url, i) => ($"machine-source-{i}", url)));
        foreach (var (key, value) in others)
        {
            sources.Add(Add(key, value));
            mapping.Add(new XElement("packageSource", new XAttribute("key", key), Pattern("*")));
        }

        return new XDocument(new XElement("configuration",
            new XElement("config", Add("globalPackagesFolder", packagesFolder)),
            new XElement("fallbackPackageFolders", new XElement("clear")),
            sources,
            mapping));

        static XElement Add(string key, string value) => new("add", new XAttribute("key", key), new XAttribute("value", value));
        static XElement Pattern(string pattern) => new("package", new XAttribute("pattern", pattern));
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [GeneratedRegex(@"^\s*E\s+(?<url>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex MachineSourceRegex();

    [GeneratedRegex(@"global-packages:\s*(?<path>.+)$", RegexOptions.Multiline)]
    private static partial Regex MachineCacheRegex();
}
