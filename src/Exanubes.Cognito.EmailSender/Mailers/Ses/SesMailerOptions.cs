namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Settings of the Amazon SES v2 mailer (<c>SendEmail</c>), bound from the <c>Ses</c> section (<c>Ses__Region</c>,
/// <c>Ses__ConfigurationSetName</c>, <c>Ses__Tags__Name=Value</c>, <c>Ses__ServiceUrl</c>). Credentials come from the
/// standard AWS chain (the function's execution role), which needs <c>ses:SendEmail</c> on the sending identity (and on
/// the configuration set, when one is named).
/// </summary>
/// <remarks>See <see href="https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html"/>.</remarks>
public sealed class SesMailerOptions
{
    /// <summary>The AWS Region of SES, for example <c>eu-west-1</c>. Default: <see langword="null"/>, which means the <c>AWS_REGION</c> variable Lambda sets.</summary>
    public string? Region { get; set; }

    /// <summary>The configuration set to send with (<c>ConfigurationSetName</c>): event publishing, dedicated IPs, suppression. Default: none.</summary>
    public string? ConfigurationSetName { get; set; }

    /// <summary>Message tags (<c>EmailTags</c>) for event publishing; names and values are letters, digits, <c>_</c> and <c>-</c>, at most 256 characters. Default: none.</summary>
    /// <remarks>The mailer adds no tag of its own; tag values are not secret but show in SES events, so never put a user's data in them.</remarks>
    public IDictionary<string, string> Tags { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>An explicit SES endpoint; https, or http only on a loopback address for tests. Default: <see langword="null"/>, meaning <c>https://email.{Region}.amazonaws.com</c>.</summary>
    public Uri? ServiceUrl { get; set; }
}
