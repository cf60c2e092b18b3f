namespace Exanubes.Cognito.Samples.Tests.Aot;

/// <summary>
/// The sample SMS sender published as a Native AOT binary (linux-x64, warnings as errors, TrimmerSingleWarn=false) once
/// per hash of its inputs, under artifacts/aot-sms-sender/&lt;hash&gt;/ (<see cref="AotSamplePublisher"/>).
/// </summary>
public sealed class AotSmsSenderFixture
{
    private const string Sample = "Exanubes.Cognito.Sample.SmsSender";

    private static readonly string[] Inputs =
    [
        "src/Exanubes.Cognito.SmsSender", "src/Exanubes.Cognito.Lambda", "src/Exanubes.EncryptionSdk", "src/Exanubes.Cognito/UserPools",
        "src/Exanubes.Cognito.Idempotency.DynamoDb", "samples/" + Sample, "Directory.Build.props", "Directory.Packages.props", "global.json",
    ];

    public AotSmsSenderFixture()
    {
        (Folder, _, _) = AotSamplePublisher.EnsurePublished("aot-sms-sender", Inputs, folder => AotSamplePublisher.PublishAot(Sample, folder, Path.Combine(folder, "aot", Sample)));
    }

    /// <summary>artifacts/aot-sms-sender/&lt;hash&gt;.</summary>
    public string Folder { get; }

    /// <summary>The native executable.</summary>
    public string AotBinary => Path.Combine(Folder, "aot", Sample);

    /// <summary>The AOT publish's full output.</summary>
    public string PublishLog => File.ReadAllText(Path.Combine(Folder, "aot-publish.log"));
}
