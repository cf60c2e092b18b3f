namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Settings of the SendGrid mailer (v3 <c>mail/send</c>), bound from the <c>SendGrid</c> section
/// (<c>SendGrid__ApiKey</c> or <c>SendGrid__ApiKeyParameterName</c>, <c>SendGrid__BaseUrl</c>). Exactly one of the two
/// key settings must be set.
/// </summary>
/// <remarks>See <see href="https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send"/>.</remarks>
public sealed class SendGridMailerOptions
{
    /// <summary>The SendGrid API key. Default: <see langword="null"/>. Prefer <see cref="ApiKeyParameterName"/> so the key is not in the function's environment.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The name of an SSM Parameter Store <c>SecureString</c> holding the API key, read on the first email with
    /// <c>ssm:GetParameter</c> and decryption, kept for <see cref="ApiKeyRefreshInterval"/>, and read again at once when
    /// SendGrid answers 401 or 403 (a rotated key). Default: <see langword="null"/>.
    /// </summary>
    public string? ApiKeyParameterName { get; set; }

    /// <summary>
    /// How long a key read from <see cref="ApiKeyParameterName"/> is used before it is read again
    /// (<c>SendGrid__ApiKeyRefreshInterval</c>, <c>hh:mm:ss</c>). Default: 15 minutes.
    /// </summary>
    public TimeSpan ApiKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The SendGrid API base URL; https, or http only on a loopback address for tests. Default: <c>https://api.sendgrid.com</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.sendgrid.com");
}
