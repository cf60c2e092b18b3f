using System.Text.RegularExpressions;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Aot;

/// <summary>The reviewed allow-list file (aot-allowlist.txt beside this file), parsed.</summary>
internal static partial class AotAllowList
{
    public static string FilePath => Path.Combine(RepoPaths.Root, "tests", "Exanubes.Cognito.Samples.Tests", "Aot", "aot-allowlist.txt");

    public static IReadOnlyList<string> Lines => File.ReadAllLines(FilePath)
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToList();

    /// <summary><c>path: line</c> entries.</summary>
    public static ISet<string> Suppressions => Lines.Where(l => l.StartsWith("suppression ", StringComparison.Ordinal)).Select(l => l["suppression ".Length..]).ToHashSet(StringComparer.Ordinal);

    /// <summary><c>code member</c> entries.</summary>
    public static ISet<string> ThirdParty => Lines.Where(l => l.StartsWith("third-party ", StringComparison.Ordinal)).Select(l => l["third-party ".Length..]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The member a diagnostic names, with compiler-generated parts (lambdas, iterators) cut back to the type that holds them.</summary>
    public static string TypeOrMember(string member)
    {
        var generated = member.IndexOf(".<", StringComparison.Ordinal);
        return generated < 0 ? member : member[..generated];
    }

    /// <summary>What counts as a trim/AOT suppression in our sources.</summary>
    [GeneratedRegex(@"UnconditionalSuppressMessage|DynamicDependency|(NoWarn|WarningsNotAsErrors)[^\n]*IL[23]\d{3}|#pragma\s+warning\s+disable[^\n]*IL[23]\d{3}|SuppressMessage\([^\n]*IL[23]\d{3}")]
    public static partial Regex Suppression();

    /// <summary>An IL2xxx/IL3xxx diagnostic line of a publish log: code and the member it names.</summary>
    [GeneratedRegex(@"(?:warning|error) (?<code>IL[23]\d{3}): (?<member>[A-Za-z0-9_.`<>|]+?)(?:\(|:| )")]
    public static partial Regex Diagnostic();
}
