using System.Xml.Linq;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.EmailSender.Tests.Layout;

/// <summary>
/// The sender family's layout rules (docs/sender-layout.md), read from the source: inside each package the folders
/// depend on each other one way only, and no sender-family package references Exanubes.Cognito (the core).
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>The packages under the layout note. Namespaces are one per package, so the guard reads type names, not <c>using</c>s.</summary>
    public static TheoryData<string> SenderFamily() =>
    [
        "Exanubes.EncryptionSdk",
        "Exanubes.Cognito.Lambda",
        "Exanubes.Cognito.EmailSender",
        "Exanubes.Cognito.SmsSender",
        "Exanubes.Cognito.Idempotency.DynamoDb",
    ];

    [Theory]
    [MemberData(nameof(SenderFamily))]
    public void Folders_InPackage_DependOneWayOnly(string project)
    {
        var folder = Path.Combine(RepoPaths.Root, "src", project);
        Assert.True(Directory.Exists(folder), $"src/{project} is missing");
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(folder, f)))
            .Select(f => new SourceFile(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)));

        var cycle = FolderGraph.Build(files).FindCycle();

        Assert.True(cycle is null, $"src/{project}: folders depend on each other: {cycle}");
    }

    [Theory]
    [MemberData(nameof(SenderFamily))]
    public void Project_InSenderFamily_DoesNotReferenceTheCore(string project)
    {
        var csproj = XDocument.Load(Path.Combine(RepoPaths.Root, "src", project, project + ".csproj"));

        var references = csproj.Descendants("ProjectReference").Select(e => (string?)e.Attribute("Include") ?? string.Empty).ToList();

        Assert.DoesNotContain(references, r => Path.GetFileName(r.Replace('\\', '/')) == "Exanubes.Cognito.csproj");
        Assert.DoesNotContain(csproj.Descendants("PackageReference"), e => (string?)e.Attribute("Include") == "Exanubes.Cognito");
    }

    [Fact]
    public void FindCycle_TwoFoldersUsingEachOther_NamesBoth()
    {
        var graph = FolderGraph.Build(
        [
            new("Options/SenderOptions.cs", "namespace X;\npublic sealed class SenderOptions { public Pipeline? Owner { get; set; } }"),
            new("Pipeline/Pipeline.cs", "namespace X;\ninternal sealed class Pipeline(SenderOptions options);"),
        ]);

        var cycle = graph.FindCycle();

        Assert.NotNull(cycle);
        Assert.Contains("Options -> Pipeline", cycle, StringComparison.Ordinal);
        Assert.Contains("Pipeline -> Options", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void FindCycle_ExtensionMethodCallBack_IsSeen()
    {
        var graph = FolderGraph.Build(
        [
            new("DependencyInjection/Extensions.cs", "namespace X;\npublic static class Extensions\n{\n    public static void AddThing(this object services) => _ = new Function();\n}"),
            new("Function/Function.cs", "namespace X;\npublic class Function { void M(object s) => s.AddThing(); }"),
        ]);

        Assert.NotNull(graph.FindCycle());
    }

    [Fact]
    public void FindCycle_OneWayAndCommentsOnly_IsNull()
    {
        var graph = FolderGraph.Build(
        [
            new("Options/SenderOptions.cs", "namespace X;\n/// <see cref=\"Pipeline\"/>\npublic sealed class SenderOptions { public string Name { get; } = \"Pipeline\"; }"),
            new("Pipeline/Pipeline.cs", "namespace X;\ninternal sealed class Pipeline(SenderOptions options);"),
            new("Mailers/IMailer.cs", "namespace X;\npublic interface IMailer;"),
            new("Mailers/Smtp/SmtpMailer.cs", "namespace X;\ninternal sealed class SmtpMailer : IMailer;"),
        ]);

        Assert.Null(graph.FindCycle());
    }

    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
