namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// Settings of the Custom SMS Sender pipeline, bound from the <c>SmsSender</c> configuration section (environment
/// variables <c>SmsSender__KmsKeyArn</c>, <c>SmsSender__UserPoolId</c>, ...). Checked when the function builds its
/// services on the first invocation; a bad value fails that invocation with a message naming the setting.
/// </summary>
public sealed class CustomSmsSenderOptions
{
    /// <summary>The configuration section name: <c>SmsSender</c>.</summary>
    public const string SectionName = "SmsSender";

    /// <summary>
    /// The ARN of the KMS key the user pool encrypts codes with (<c>arn:aws:kms:region:account:key/key-id</c>), the same
    /// key as the custom email sender's. Required; no default. An alias or a bare key id is refused.
    /// </summary>
    public string? KmsKeyArn { get; set; }

    /// <summary>The user pool id this function serves; events from any other pool are refused. Default: <see langword="null"/> (any pool, still bound to the code's encryption context).</summary>
    public string? UserPoolId { get; set; }

    /// <summary>A KMS endpoint override for local stacks. Default: <see langword="null"/> (the regional KMS endpoint).</summary>
    public Uri? KmsServiceUrl { get; set; }

    /// <summary>The base URL of your app, for templates (<c>app_url</c>) and the <c>safe_url</c> filter. Default: <see langword="null"/>.</summary>
    public Uri? AppUrl { get; set; }

    /// <summary>
    /// Accept a code whose encryption context has no <c>userpool-id</c> (cognito-local encrypts without one). A
    /// <c>userpool-id</c> that is present must still equal the event's <c>userPoolId</c>. Default: <see langword="false"/>
    /// (real Cognito always binds the code to the pool; keep it off outside local stacks).
    /// </summary>
    public bool AllowMissingUserPoolContext { get; set; }

    /// <summary>
    /// Whether a re-delivered event (same encrypted code) is sent at most once while a lease is live, using the registered
    /// <c>IIdempotencyStore</c> (in-memory by default, or the DynamoDB store). Default: <see langword="true"/>.
    /// </summary>
    public bool SuppressDuplicates { get; set; } = true;

    /// <summary>
    /// The CloudWatch namespace of the metrics each event's log line carries in Embedded Metric Format (EMF): events,
    /// duration, decrypt and send milliseconds by <c>TriggerSource</c> and <c>Outcome</c> (see
    /// <see cref="CustomSmsSenderTelemetry"/>). Empty turns the EMF object off; the timings stay in the line.
    /// Default: <c>Exanubes/Cognito/SmsSender</c>.
    /// </summary>
    public string? MetricsNamespace { get; set; } = "Exanubes/Cognito/SmsSender";
}
