using System.Text.RegularExpressions;

namespace Exanubes.Cognito.EmailSender.Tests.Layout;

/// <summary>A source file by its path relative to the project folder.</summary>
public sealed record SourceFile(string Path, string Text)
{
    public string Folder => System.IO.Path.GetDirectoryName(Path)?.Replace('\\', '/') is { Length: > 0 } folder ? folder : ".";
}

/// <summary>
/// Which folder uses which, read from source text: a folder uses another when one of its files names a top-level type
/// declared there, or calls an extension method declared there. Comments and string literals are ignored.
/// </summary>
public sealed class FolderGraph
{
    private static readonly Regex TopLevelType = new(
        @"^(?:(?:public|internal|file|static|sealed|abstract|partial|readonly|ref)\s+)*(?:class|record\s+struct|record\s+class|record|struct|interface|enum)\s+(?<name>[A-Za-z_]\w*)",
        RegexOptions.Multiline);

    private static readonly Regex ExtensionMethod = new(@"\bstatic\s+[^=;{}()]*?\b(?<name>[A-Za-z_]\w*)\s*(?:<[^>]*>)?\s*\(\s*this\b");

    // Raw string literals first, then comments, verbatim and regular strings, and char literals.
    private static readonly Regex CommentOrString = new(
        @"""{3,}.*?""{3,}|//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'",
        RegexOptions.Singleline);

    private readonly Dictionary<string, SortedDictionary<string, string>> _edges = [];

    private FolderGraph()
    {
    }

    public static FolderGraph Build(IEnumerable<SourceFile> files)
    {
        var code = files.Select(f => (File: f, Code: StripCommentsAndStrings(f.Text))).ToList();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, text) in code)
        {
            foreach (Match m in TopLevelType.Matches(text))
            {
                owners.TryAdd(m.Groups["name"].Value, file.Folder);
            }

            foreach (Match m in ExtensionMethod.Matches(text))
            {
                owners.TryAdd("." + m.Groups["name"].Value, file.Folder);
            }
        }

        var graph = new FolderGraph();
        foreach (var (file, text) in code)
        {
            foreach (var (name, owner) in owners)
            {
                if (owner == file.Folder)
                {
                    continue;
                }

                var pattern = name.StartsWith('.') ? @"\." + Regex.Escape(name[1..]) + @"\s*[<(]" : @"\b" + Regex.Escape(name) + @"\b";
                if (Regex.IsMatch(text, pattern))
                {
                    var targets = graph.EdgesFrom(file.Folder);
                    targets.TryAdd(owner, $"{file.Path} uses {name.TrimStart('.')}");
                }
            }
        }

        return graph;
    }

    /// <summary>A dependency cycle between folders, spelled out with the file and name behind each arrow, or null.</summary>
    public string? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private string? Visit(string folder, Dictionary<string, int> state, List<string> path)
    {
        if (state.GetValueOrDefault(folder) == 2)
        {
            return null;
        }

        if (state.GetValueOrDefault(folder) == 1)
        {
            var loop = path.Skip(path.IndexOf(folder)).Append(folder).ToList();
            return string.Join("; ", loop.Zip(loop.Skip(1), (a, b) => $"{a} -> {b} ({_edges[a][b]})"));
        }

        state[folder] = 1;
        path.Add(folder);
        foreach (var next in _edges.GetValueOrDefault(folder)?.Keys ?? Enumerable.Empty<string>())
        {
            if (Visit(next, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[folder] = 2;
        return null;
    }

    private SortedDictionary<string, string> EdgesFrom(string folder)
    {
        if (!_edges.TryGetValue(folder, out var targets))
        {
            targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
            _edges[folder] = targets;
        }

        return targets;
    }

    private static string StripCommentsAndStrings(string text) => CommentOrString.Replace(text, " ");
}
