using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Benchmarks.ColdStart;

/// <summary>
/// The sample sender's Native AOT binary and JIT build, as tests/Exanubes.Cognito.Samples.Tests/Aot publishes them
/// (artifacts/aot-sender/&lt;input hash&gt;/): the newest complete folder. The bench never publishes on its own, so it
/// measures exactly the binaries the tests proved.
/// </summary>
internal static class SenderBuilds
{
    public static (string Aot, string JitAssembly) Find()
    {
        var root = Path.Combine(RepoPaths.Root, "artifacts", "aot-sender");
        var folder = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "published.ok"))).OrderByDescending(d => File.GetLastWriteTimeUtc(Path.Combine(d, "published.ok"))).FirstOrDefault()
            : null;
        return folder is null
            ? throw new InvalidOperationException($"No published sender under {root}. Run: dotnet test tests/Exanubes.Cognito.Samples.Tests --filter FullyQualifiedName~Aot (publishes the AOT and JIT builds once).")
            : (Path.Combine(folder, "aot", "Exanubes.Cognito.Sample.EmailSender"), Path.Combine(folder, "jit", "Exanubes.Cognito.Sample.EmailSender.dll"));
    }
}
