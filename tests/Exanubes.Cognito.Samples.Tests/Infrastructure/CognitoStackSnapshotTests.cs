using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>
/// The committed snapshot of the default template, so every change to the deployed shape shows in review.
/// After an intended change, update it with
/// <c>UPDATE_CDK_SNAPSHOT=1 dotnet test tests/Exanubes.Cognito.Samples.Tests --filter FullyQualifiedName~CognitoStackSnapshotTests</c>
/// and commit the file.
/// </summary>
[Collection(CdkCollection.Name)]
public sealed class CognitoStackSnapshotTests(CognitoStackFixture fixture)
{
    private const string SnapshotPath = "tests/Exanubes.Cognito.Samples.Tests/Infrastructure/Snapshots/ExanubesCognito.template.json";

    [Fact]
    public void Template_Default_MatchesCommittedSnapshot()
    {
        var actual = SynthesizedStack.Normalize(fixture.Default.Json);
        var path = Path.Combine(RepoPaths.Root, SnapshotPath);
        if (Environment.GetEnvironmentVariable("UPDATE_CDK_SNAPSHOT") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"The snapshot '{SnapshotPath}' is missing; create it with UPDATE_CDK_SNAPSHOT=1.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length))
                .FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail(
                $"The synthesized template differs from {SnapshotPath} at line {line + 1}:\n" +
                $"  snapshot: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n" +
                $"  actual:   {(line < actualLines.Length ? actualLines[line] : "<end>")}\n" +
                "If the change is intended, run UPDATE_CDK_SNAPSHOT=1 dotnet test tests/Exanubes.Cognito.Samples.Tests " +
                "--filter FullyQualifiedName~CognitoStackSnapshotTests and commit the snapshot.");
        }
    }

    [Fact]
    public void Normalize_AssetHashAndPaths_Replaced()
    {
        var json = """
            {"Resources":{"F":{"Properties":{"Code":{"S3Key":"cc6dc29c2112d75035f7505e442d92245a3f25e3b705bf4b41a685fc999cdd60.zip"}},
             "Metadata":{"aws:asset:path":"asset.cc6dc29c2112d75035f7505e442d92245a3f25e3b705bf4b41a685fc999cdd60","aws:asset:property":"Code"}}}}
            """;

        var normalized = SynthesizedStack.Normalize(json);

        Assert.DoesNotContain("cc6dc29c", normalized, StringComparison.Ordinal);
        Assert.Contains("\"S3Key\": \"<asset-hash>.zip\"", normalized, StringComparison.Ordinal);
        Assert.Contains("\"aws:asset:path\": \"asset.<asset-hash>\"", normalized, StringComparison.Ordinal);
    }
}
