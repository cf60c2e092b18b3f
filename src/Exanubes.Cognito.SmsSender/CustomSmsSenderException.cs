namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// The root of every failure the Custom SMS Sender pipeline raises after reading the event. It escapes the handler so
/// Lambda records a failed invocation and retries it; messages never contain the code or a temporary password.
/// </summary>
public class CustomSmsSenderException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CustomSmsSenderException()
        : base("The Custom SMS Sender could not deliver the SMS.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CustomSmsSenderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CustomSmsSenderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
