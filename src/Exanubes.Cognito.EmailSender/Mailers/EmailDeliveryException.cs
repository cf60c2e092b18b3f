namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// A mailer could not hand the email over: the SMTP server was unreachable or refused it, or the SendGrid API answered
/// with an error status. The invocation fails so Lambda retries it.
/// </summary>
public sealed class EmailDeliveryException : CustomEmailSenderException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EmailDeliveryException()
        : base("The email could not be delivered.")
    {
        Mailer = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why delivery failed.</param>
    public EmailDeliveryException(string message)
        : base(message)
    {
        Mailer = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">Why delivery failed.</param>
    /// <param name="innerException">The cause.</param>
    public EmailDeliveryException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Mailer = string.Empty;
    }

    /// <summary>Creates the exception for a mailer.</summary>
    /// <param name="mailer">The mailer that failed, for example <c>SendGrid</c> or <c>Smtp</c>.</param>
    /// <param name="statusCode">The provider's status code (HTTP status for SendGrid, SMTP reply code), if it answered.</param>
    /// <param name="message">Why delivery failed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public EmailDeliveryException(string mailer, int? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Mailer = mailer ?? string.Empty;
        StatusCode = statusCode;
    }

    /// <summary>The mailer that failed, for example <c>SendGrid</c> or <c>Smtp</c>.</summary>
    public string Mailer { get; }

    /// <summary>The provider's status code (HTTP status for SendGrid, SMTP reply code); <see langword="null"/> when it never answered.</summary>
    public int? StatusCode { get; }
}
