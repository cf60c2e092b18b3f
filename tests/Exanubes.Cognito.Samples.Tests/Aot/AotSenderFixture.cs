using Exanubes.Cognito.Sample.Infrastructure;
using Exanubes.Cognito.Sample.LocalStack.Lambda;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Aot;

/// <summary>
/// The sample email sender published twice, once per test run at most: as a Native AOT binary (linux-x64, warnings as
/// errors, TrimmerSingleWarn=false) and as the portable JIT build the managed runtime runs. Both are cached under
/// artifacts/aot-sender/&lt;hash of the inputs&gt;/ behind a file lock (<see cref="AotSamplePublisher"/>), so parallel
/// test processes and reruns without a source change publish nothing; the bench reuses the same folder.
/// </summary>
public sealed class AotSenderFixture
{
    private const string Sample = "Exanubes.Cognito.Sample.EmailSender";

    public AotSenderFixture()
    {
        (Folder, FromCache, PublishSeconds) = AotSamplePublisher.EnsurePublished("aot-sender", EmailSenderProcess.SenderSources, folder =>
        {
            AotSamplePublisher.PublishAot(Sample, folder, Path.Combine(folder, "aot", Sample));
            SenderPublisher.Publish(RepoPaths.Root, Path.Combine(folder, "jit"), Path.Combine(folder, "jit-build"));
        });
    }

    /// <summary>artifacts/aot-sender/&lt;hash&gt;.</summary>
    public string Folder { get; }

    /// <summary>The native executable.</summary>
    public string AotBinary => Path.Combine(Folder, "aot", Sample);

    /// <summary>The JIT build's assembly (run with <c>dotnet</c>).</summary>
    public string JitAssembly => Path.Combine(Folder, "jit", Sample + ".dll");

    /// <summary>The AOT publish's full output.</summary>
    public string PublishLog => File.ReadAllText(Path.Combine(Folder, "aot-publish.log"));

    /// <summary>Whether both builds came from the cache.</summary>
    public bool FromCache { get; }

    /// <summary>How long publishing took in this process (0 when cached).</summary>
    public double PublishSeconds { get; }

    /// <summary>The AOT publish command (also in the README).</summary>
    public static IReadOnlyList<string> AotPublishArguments(string output, string artifacts) => AotSamplePublisher.Arguments(Sample, output, artifacts);
}
