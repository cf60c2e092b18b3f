using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Exanubes.Cognito.IntegrationTests.Packaging;

/// <summary>
/// <c>dotnet pack</c> of both shipped projects: what nuget.org users get (README, licence, docs, repository metadata,
/// symbols with SourceLink to the exact commit).
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageTests(PackedFeedFixture feed)
{
    private const string RepositoryUrl = "https://github.com/exanubes/Exanubes.Cognito";

    // SourceLink's custom debug information kind in portable PDBs.
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static TheoryData<string> Ids => [.. PackedFeedFixture.PackageIds];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Pack_Project_ProducesPackageAndSymbolPackage(string id)
    {
        Assert.True(File.Exists(feed.Nupkg(id)), $"{feed.Nupkg(id)} missing. Pack output:\n{feed.PackOutput}");
        Assert.True(File.Exists(feed.Snupkg(id)), $"{feed.Snupkg(id)} missing. Pack output:\n{feed.PackOutput}");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Pack_Nupkg_ContainsReadmeLicenseAssemblyAndXmlDocs(string id)
    {
        using var package = ZipFile.OpenRead(feed.Nupkg(id));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);

        var readme = Read(package, "README.md").TrimStart('\uFEFF');
        Assert.StartsWith("# Exanubes.Cognito", readme, StringComparison.Ordinal);
        Assert.Contains("MIT", Read(package, "LICENSE"), StringComparison.Ordinal);
        var docs = XDocument.Parse(Read(package, $"lib/net10.0/{id}.xml").TrimStart('\uFEFF'));
        Assert.Equal(id, docs.Root?.Element("assembly")?.Element("name")?.Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Pack_Nuspec_CarriesLicenseReadmeAndRepositoryAtCommit(string id)
    {
        using var package = ZipFile.OpenRead(feed.Nupkg(id));
        var metadata = Nuspec(package, id);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(PackedFeedFixture.Version, Value(metadata, "version"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        var license = metadata.Element(metadata.Name.Namespace + "license");
        Assert.Equal("expression", license?.Attribute("type")?.Value);
        Assert.Equal("MIT", license?.Value);

        var repository = metadata.Element(metadata.Name.Namespace + "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(RepositoryUrl, repository.Attribute("url")?.Value);
        Assert.Equal(feed.Commit, repository.Attribute("commit")?.Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Pack_Snupkg_PdbMatchesAssemblyAndSourceLinksToCommit(string id)
    {
        using var symbols = ZipFile.OpenRead(feed.Snupkg(id));
        using var package = ZipFile.OpenRead(feed.Nupkg(id));
        var pdbBytes = ReadBytes(symbols, $"lib/net10.0/{id}.pdb");
        var dllBytes = ReadBytes(package, $"lib/net10.0/{id}.dll");

        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdbBytes));
        var pdb = pdbProvider.GetMetadataReader();

        // The PDB belongs to the shipped assembly (same id in the assembly's CodeView record).
        using var pe = new PEReader(new MemoryStream(dllBytes));
        var codeView = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.CodeView);
        var pdbId = new BlobContentId(pdb.DebugMetadataHeader!.Id);
        Assert.Equal(pe.ReadCodeViewDebugDirectoryData(codeView).Guid, pdbId.Guid);

        var sourceLink = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(pdb.GetCustomDebugInformation)
            .Where(info => pdb.GetGuid(info.Kind) == SourceLinkKind)
            .Select(info => Encoding.UTF8.GetString(pdb.GetBlobBytes(info.Value)))
            .SingleOrDefault();
        Assert.True(sourceLink is not null, $"{id}.pdb has no SourceLink information");

        using var json = JsonDocument.Parse(sourceLink);
        var targets = json.RootElement.GetProperty("documents").EnumerateObject().Select(p => p.Value.GetString()).ToList();
        Assert.Contains($"https://raw.githubusercontent.com/exanubes/Exanubes.Cognito/{feed.Commit}/*", targets);

        // Deterministic CI paths: documents are recorded under /_/, not this machine's folders.
        var documents = pdb.Documents.Select(h => pdb.GetString(pdb.GetDocument(h).Name)).ToList();
        var projectDirectory = Path.Combine(TestSupport.RepoPaths.Root, "src", id);
        var hasSources = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Any(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        if (hasSources)
        {
            Assert.Contains(documents, d => d.StartsWith($"/_/src/{id}/", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(documents, d => d.StartsWith(TestSupport.RepoPaths.Root, StringComparison.Ordinal));
    }

    private static XElement Nuspec(ZipArchive package, string id)
    {
        var entry = package.GetEntry($"{id}.nuspec") ?? throw new InvalidOperationException($"{id}.nuspec not in the package");
        using var stream = entry.Open();
        var nuspec = XDocument.Load(stream);
        return nuspec.Root?.Elements().Single(e => e.Name.LocalName == "metadata") ?? throw new InvalidOperationException("nuspec without metadata");
    }

    private static string? Value(XElement metadata, string name) => metadata.Element(metadata.Name.Namespace + name)?.Value;

    private static string Read(ZipArchive archive, string entry) => Encoding.UTF8.GetString(ReadBytes(archive, entry));

    private static byte[] ReadBytes(ZipArchive archive, string entry)
    {
        var zipEntry = archive.GetEntry(entry) ?? throw new InvalidOperationException($"'{entry}' not in the package");
        using var stream = zipEntry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
