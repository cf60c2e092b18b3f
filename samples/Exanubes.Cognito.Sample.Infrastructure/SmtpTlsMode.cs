namespace Exanubes.Cognito.Sample.Infrastructure;

/// <summary>How the sender secures its SMTP connection; becomes <c>Smtp__UseTls</c> (the sender's option values).</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain SMTP: only for a relay inside your network or a local mail catcher.</summary>
    None,

    /// <summary>Upgrade with STARTTLS, usually on port 587 (the sender's default).</summary>
    StartTls,

    /// <summary>TLS from the first byte, usually on port 465.</summary>
    SslOnConnect,

    /// <summary>Let the mail client decide from the port.</summary>
    Auto,
}
