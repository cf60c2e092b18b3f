namespace Exanubes.Cognito.EmailSender;

/// <summary>Settings of the SMTP mailer (MailKit), bound from the <c>Smtp</c> section (<c>Smtp__Host</c>, <c>Smtp__Port</c>, <c>Smtp__UseTls</c>, <c>Smtp__UserName</c>, <c>Smtp__Password</c>).</summary>
public sealed class SmtpMailerOptions
{
    /// <summary>The SMTP server host name. Required; no default.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP server port. Default: 587.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is protected. Default: <see cref="SmtpTlsMode.StartTls"/> (required).</summary>
    public SmtpTlsMode UseTls { get; set; } = SmtpTlsMode.StartTls;

    /// <summary>The user name for SMTP AUTH. Default: <see langword="null"/> (no authentication).</summary>
    public string? UserName { get; set; }

    /// <summary>The password for SMTP AUTH. Default: <see langword="null"/>.</summary>
    public string? Password { get; set; }

    /// <summary>How long one connect, authenticate or send may take. Default: 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
