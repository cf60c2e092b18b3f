namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// Settings of the Amazon SNS provider, bound from the <c>Sns</c> section (<c>Sns__Region</c>, <c>Sns__SmsType</c>, ...).
/// Credentials come from the standard AWS chain (the function's execution role), which needs <c>sns:Publish</c>.
/// </summary>
public sealed class SnsSmsProviderOptions
{
    /// <summary>The configuration section name: <c>Sns</c>.</summary>
    public const string SectionName = "Sns";

    /// <summary>The Region to publish in. Default: <see langword="null"/> (<c>AWS_REGION</c>).</summary>
    public string? Region { get; set; }

    /// <summary>An endpoint override (local stand-ins; plain <c>http</c> only on loopback). Default: <see langword="null"/> (<c>https://sns.REGION.amazonaws.com/</c>).</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The <c>AWS.SNS.SMS.SMSType</c> attribute: <c>Transactional</c> (codes; higher delivery priority) or <c>Promotional</c>. Default: <c>Transactional</c>.</summary>
    public string SmsType { get; set; } = "Transactional";

    /// <summary>The <c>AWS.SNS.SMS.SenderID</c> attribute: 1-11 letters and digits, at least one letter, where the destination country supports sender ids. Default: <see langword="null"/> (none).</summary>
    public string? SenderId { get; set; }

    /// <summary>The <c>AWS.MM.SMS.OriginationNumber</c> attribute: an E.164 number of your account to send from. Default: <see langword="null"/> (SNS chooses).</summary>
    public string? OriginationNumber { get; set; }
}
