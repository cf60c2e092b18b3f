namespace Exanubes.Cognito.Sample.LocalStack.Stack;

/// <summary>Where the local stack keeps its state and which loopback ports it uses. A port of 0 means "pick a free one".</summary>
public sealed class LocalStackOptions
{
    /// <summary>The repository root (holds peers/). Default: found by walking up from the app folder to Exanubes.Cognito.sln.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>Where users, codes, mails and the KMS key persist between runs. Default: <c>{RepositoryRoot}/.local-stack</c>.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>The demo web app's port. Default 5080.</summary>
    public int DemoPort { get; set; } = 5080;

    /// <summary>cognito-local's port. Default 9229 (its usual one).</summary>
    public int CognitoPort { get; set; } = 9229;

    /// <summary>The KMS stand-in's port. Default 9230.</summary>
    public int KmsPort { get; set; } = 9230;

    /// <summary>The Lambda invoke endpoint's port. Default 9231.</summary>
    public int LambdaPort { get; set; } = 9231;

    /// <summary>maildev's SMTP port. Default 1025.</summary>
    public int SmtpPort { get; set; } = 1025;

    /// <summary>maildev's web inbox and REST API port. Default 1080.</summary>
    public int InboxPort { get; set; } = 1080;

    /// <summary>The AWS region written into the key ARN and given to the SDK clients. Default us-east-1.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Whether to start the demo web app too. Default true.</summary>
    public bool StartDemo { get; set; } = true;

    /// <summary>The Lambda function name cognito-local invokes for CustomEmailSender. Default exanubes-custom-email-sender.</summary>
    public string EmailSenderFunctionName { get; set; } = "exanubes-custom-email-sender";

    /// <summary>The Lambda function name cognito-local invokes for CustomSMSSender. Default exanubes-custom-sms-sender.</summary>
    public string SmsSenderFunctionName { get; set; } = "exanubes-custom-sms-sender";

    /// <summary>
    /// How the sample email sender runs (always a separate process polling the Lambda host's Runtime API):
    /// <c>Auto</c> (default) runs the Native AOT binary when <see cref="SenderAotBinary"/> exists and the JIT build
    /// otherwise; <c>Aot</c> requires the binary; <c>Jit</c> always runs the JIT build.
    /// </summary>
    public string? SenderRuntime { get; set; } = "Auto";

    /// <summary>
    /// The Native AOT sender binary. Default: <c>{RepositoryRoot}/artifacts/email-sender-aot/Exanubes.Cognito.Sample.EmailSender</c>,
    /// which <c>dotnet publish samples/Exanubes.Cognito.Sample.EmailSender -c Release -r linux-x64 -p:PublishAot=true -o artifacts/email-sender-aot</c> writes.
    /// </summary>
    public string? SenderAotBinary { get; set; }

    /// <summary>Extra configuration for the demo app (e.g. <c>Demo:RateLimit:PermitLimit</c>); overrides the stack's own settings.</summary>
    public IDictionary<string, string?> DemoSettings { get; } = new Dictionary<string, string?>();

    /// <summary>Extra logging setup for the demo app (tests add a collecting provider). Default: none.</summary>
    public Action<Microsoft.Extensions.Logging.ILoggingBuilder>? DemoLogging { get; set; }
}
