namespace Exanubes.Cognito.EmailSender;

/// <summary>A rendered email, ready for a <see cref="IMailer"/>: sender, recipient, subject and both bodies.</summary>
/// <remarks>The bodies contain the decrypted code or temporary password: never log them.</remarks>
public sealed class EmailMessage
{
    /// <summary>The sender address (<c>EmailSender:FromAddress</c>).</summary>
    public required string FromAddress { get; init; }

    /// <summary>The sender display name (<c>EmailSender:FromName</c>); <see langword="null"/> for none.</summary>
    public string? FromName { get; init; }

    /// <summary>The recipient: the user's <c>email</c> attribute.</summary>
    public required string To { get; init; }

    /// <summary>The subject, one line of plain text.</summary>
    public required string Subject { get; init; }

    /// <summary>The HTML body; every inserted value is HTML-encoded.</summary>
    public required string HtmlBody { get; init; }

    /// <summary>The plain-text body.</summary>
    public required string TextBody { get; init; }

    /// <summary>The trigger source the email answers.</summary>
    public CustomEmailSenderTriggerSource TriggerSource { get; init; }
}
