using Exanubes.Cognito.Sample.Infrastructure;
using Exanubes.Cognito.TestSupport;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>
/// Publishes the real sender project once (isolated intermediate folders under artifacts/, so a parallel build of the
/// repository never shares its obj/) and synthesizes the default stack once for all CDK tests.
/// </summary>
public sealed class CognitoStackFixture
{
    /// <summary>A value that must never reach the template, planted wherever a careless stack might copy it from.</summary>
    public const string Canary = "CANARY-5f0c2e-not-a-real-secret";

    public CognitoStackFixture()
    {
        var work = RepoPaths.Artifacts("cdk-tests");
        SenderAssetPath = SenderPublisher.Publish(
            RepoPaths.Root, Path.Combine(work, "publish"), Path.Combine(work, "build"));

        Default = SynthesizedStack.Synthesize(DefaultProps());
        _smsSenderAssetPath = new(() => SenderPublisher.PublishSmsSender(
            RepoPaths.Root, Path.Combine(work, "sms-publish"), Path.Combine(work, "sms-build")));
    }

    private readonly Lazy<string> _smsSenderAssetPath;

    /// <summary>The published SMS sender function (published on first use: only the smsSender tests need it).</summary>
    public string SmsSenderAssetPath => _smsSenderAssetPath.Value;

    /// <summary>The published sender function.</summary>
    public string SenderAssetPath { get; }

    /// <summary>The stack with every default (SendGrid mailer, production removal), as Program.cs builds it.</summary>
    public SynthesizedStack Default { get; }

    /// <summary>Default props pointing at the published sender.</summary>
    public CognitoStackProps DefaultProps() => new() { SenderAssetPath = SenderAssetPath };
}
