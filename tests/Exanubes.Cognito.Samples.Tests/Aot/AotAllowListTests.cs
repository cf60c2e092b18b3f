using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Aot;

/// <summary>No trim/AOT suppression or NoWarn hides in our sources except those on the reviewed allow-list.</summary>
public sealed class AotAllowListTests
{
    [Fact]
    public void Sources_TrimAndAotSuppressions_AreExactlyTheAllowList()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var files = new[] { "src", "samples" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, dir), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(RepoPaths.Root, "Directory.Build.props"))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (AotAllowList.Suppression().IsMatch(line))
                {
                    found.Add($"{Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/')}: {line.Trim()}");
                }
            }
        }

        var allowed = AotAllowList.Suppressions;
        Assert.True(found.SetEquals(allowed),
            $"Trim/AOT suppressions differ from {AotAllowList.FilePath}.\nNot on the list: {string.Join("\n  ", found.Except(allowed))}\nListed but gone: {string.Join("\n  ", allowed.Except(found))}");
    }

    [Fact]
    public void Suppression_Pattern_CatchesEveryKind()
    {
        Assert.Matches(AotAllowList.Suppression(), "[UnconditionalSuppressMessage(\"Trimming\", \"IL2026\")]");
        Assert.Matches(AotAllowList.Suppression(), "[DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(X))]");
        Assert.Matches(AotAllowList.Suppression(), "<NoWarn>$(NoWarn);IL2104</NoWarn>");
        Assert.Matches(AotAllowList.Suppression(), "#pragma warning disable IL3050");
        Assert.DoesNotMatch(AotAllowList.Suppression(), "<NoWarn>$(NoWarn);CA1707</NoWarn>");
    }
}
