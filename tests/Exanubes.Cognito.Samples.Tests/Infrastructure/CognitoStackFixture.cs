using Exanubes.Cognito.Sample.Infrastructure;
using Exanubes.Cognito.Testing;

namespace Exanubes.Cognito.Samples.Tests.Infrastructure;

/// <summary>
/// Publishes the real sender project once (isolated intermediate folders under artifacts/, so a parallel build of the
/// repository never shares its obj/) and synthesizes the default stack once for all CDK tests.
/// </summary>
public sealed class CognitoStackFixture
{
    /// <summary>A value that must never reach the template, planted in every place a careless stack might copy from.</summary>
    public const string Canary = "CANARY-5f0c2e-not-a-real-secret";

    public CognitoStackFixture()
    {
        var work = RepoPaths.Artifacts("cdk-tests");
        SenderAssetPath = SenderPublisher.Publish(
            RepoPaths.Root, Path.Combine(work, "publish"), Path.Combine(work, "build"));

        // Secret-looking inputs a stack could be tempted to forward: the process environment in the sender's own
        // configuration keys. None of them may appear in the template.
        foreach (var key in CanaryVariables)
        {
            Environment.SetEnvironmentVariable(key, Canary);
        }

        try
        {
            Default = SynthesizedStack.Synthesize(DefaultProps());
        }
        finally
        {
            foreach (var key in CanaryVariables)
            {
                Environment.SetEnvironmentVariable(key, null);
            }
        }
    }

    public static IReadOnlyList<string> CanaryVariables { get; } =
        ["SendGrid__ApiKey", "Smtp__Password", "Smtp__UserName", "SENDGRID_API_KEY"];

    /// <summary>The published sender function.</summary>
    public string SenderAssetPath { get; }

    /// <summary>The stack with every default (SendGrid mailer, production removal), as Program.cs builds it.</summary>
    public SynthesizedStack Default { get; }

    /// <summary>Default props pointing at the published sender.</summary>
    public CognitoStackProps DefaultProps() => new() { SenderAssetPath = SenderAssetPath };
}
