namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The root of every failure the Custom Email Sender pipeline raises. It escapes the handler so Lambda records a failed
/// invocation and retries it; messages never contain the code, a temporary password or an API key.
/// </summary>
public class CustomEmailSenderException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CustomEmailSenderException()
        : base("The Custom Email Sender could not deliver the email.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CustomEmailSenderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CustomEmailSenderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
