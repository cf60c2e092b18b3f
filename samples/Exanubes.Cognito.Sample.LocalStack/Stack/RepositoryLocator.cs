namespace Exanubes.Cognito.Sample.LocalStack.Stack;

internal static class RepositoryLocator
{
    public static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Exanubes.Cognito.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            "Could not find the repository (Exanubes.Cognito.sln) above the app or the current folder; set LocalStack:RepositoryRoot.");
    }
}
