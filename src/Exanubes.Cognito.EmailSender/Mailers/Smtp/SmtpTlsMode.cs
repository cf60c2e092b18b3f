namespace Exanubes.Cognito.EmailSender;

/// <summary>How the SMTP mailer protects the connection (<c>Smtp:UseTls</c>).</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain text. Only for a local test server; credentials are then accepted only on a loopback host.</summary>
    None = 0,

    /// <summary>Connect in plain text, then require <c>STARTTLS</c> (port 587). The default.</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 2,

    /// <summary>TLS on port 465, otherwise <c>STARTTLS</c> when the server offers it (opportunistic: not protected against downgrade, so with credentials it is accepted only on a loopback host, like <see cref="None"/>).</summary>
    Auto = 3,
}
