namespace Exanubes.Cognito.Sample.Infrastructure;

/// <summary>Which mailer the sender Lambda uses; becomes <c>Mailer__Kind</c> in the function's environment.</summary>
public enum MailerKind
{
    /// <summary>SendGrid; the API key is read at run time from an SSM SecureString parameter.</summary>
    SendGrid,

    /// <summary>SMTP to a relay that needs no authentication (a dev mail catcher or a VPC relay).</summary>
    Smtp,

    /// <summary>The development mailer: no mail leaves the function. Never for a pool with real users.</summary>
    Development,
}
