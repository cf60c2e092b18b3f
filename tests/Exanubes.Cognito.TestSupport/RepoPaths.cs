namespace Exanubes.Cognito.TestSupport;

/// <summary>Where things are: the repository root, the npm peers folder and the shared material beside the clone.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding Exanubes.Cognito.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The folder holding package.json and package-lock.json for the npm peers.</summary>
    public static string Peers => Path.Combine(Root, "peers");

    /// <summary>
    /// <c>../shared</c> beside the clone (STYLE.md, esdk-format.md, esdk-vectors). Read in place, never copied.
    /// Throws when it is missing: a test that needs it must fail loudly, not skip.
    /// </summary>
    public static string Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            if (!Directory.Exists(shared))
            {
                throw new DirectoryNotFoundException(
                    $"The shared material is expected beside the clone at '{shared}' (CI lays it there). " +
                    "Tests read it in place; put a copy of shared/ next to the repository folder.");
            }

            return shared;
        }
    }

    /// <summary>A folder under the repository's artifacts/ for test outputs (screenshots, packed feeds); created on demand.</summary>
    public static string Artifacts(string name)
    {
        var path = Path.Combine(Root, "artifacts", name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Exanubes.Cognito.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Exanubes.Cognito.sln not found above '{AppContext.BaseDirectory}'.");
    }
}
