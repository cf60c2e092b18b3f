namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Settings of the Custom Email Sender pipeline, bound from the <c>EmailSender</c> configuration section (environment
/// variables <c>EmailSender__KmsKeyArn</c>, <c>EmailSender__UserPoolId</c>, ...). Checked when the function builds its
/// services on the first invocation; a bad value fails that invocation with a message naming the setting.
/// </summary>
public sealed class CustomEmailSenderOptions
{
    /// <summary>The configuration section name: <c>EmailSender</c>.</summary>
    public const string SectionName = "EmailSender";

    /// <summary>
    /// The ARN of the KMS key the user pool encrypts codes with (<c>arn:aws:kms:region:account:key/key-id</c>). Required;
    /// no default. An alias or a bare key id is refused: the strict keyring only decrypts data keys whose recorded ARN
    /// matches exactly.
    /// </summary>
    public string? KmsKeyArn { get; set; }

    /// <summary>The user pool id this function serves; events from any other pool are refused. Default: <see langword="null"/> (any pool, still bound to the code's encryption context).</summary>
    public string? UserPoolId { get; set; }

    /// <summary>A KMS endpoint override for local stacks (plain <c>http</c> is accepted here only). Default: <see langword="null"/> (the regional KMS endpoint).</summary>
    public Uri? KmsServiceUrl { get; set; }

    /// <summary>The base URL of your app for links, for example <c>https://app.example.com</c>. Default: <see langword="null"/> (emails carry the code without a link).</summary>
    public Uri? AppUrl { get; set; }

    /// <summary>The sender address. Required by the SendGrid and SMTP mailers; no default.</summary>
    public string? FromAddress { get; set; }

    /// <summary>The sender display name. Default: <see langword="null"/> (address only).</summary>
    public string? FromName { get; set; }

    /// <summary>
    /// Accept a code whose encryption context has no <c>userpool-id</c> (cognito-local 5.3.0 encrypts without one).
    /// A <c>userpool-id</c> that is present must still equal the event's <c>userPoolId</c>. Default: <see langword="false"/>
    /// (real Cognito always binds the code to the pool; keep it off outside local stacks).
    /// </summary>
    public bool AllowMissingUserPoolContext { get; set; }

    /// <summary>
    /// Whether a re-delivered event (same encrypted code, or the same account-takeover <c>EVENT_ID</c>) is sent at most
    /// once while a lease is live, using the registered <c>IIdempotencyStore</c>: the in-memory store (one container) by
    /// default, or the DynamoDB store (every container). Default: <see langword="true"/>.
    /// </summary>
    public bool SuppressDuplicates { get; set; } = true;

    /// <summary>
    /// The CloudWatch namespace of the metrics each event's log line carries in Embedded Metric Format (EMF): events,
    /// duration, decrypt and send milliseconds by <c>TriggerSource</c> and <c>Outcome</c> (see
    /// <see cref="CustomEmailSenderTelemetry"/>). Empty turns the EMF object off; the timings stay in the line.
    /// Default: <c>Exanubes/Cognito/EmailSender</c>.
    /// </summary>
    public string? MetricsNamespace { get; set; } = "Exanubes/Cognito/EmailSender";
}
