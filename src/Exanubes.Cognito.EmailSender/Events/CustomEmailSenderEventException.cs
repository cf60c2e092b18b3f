namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// The event is malformed, has an unsupported <c>request.type</c> or trigger source, lacks a field the trigger needs,
/// or comes from a user pool other than the configured one. <see cref="Field"/> names the offending field.
/// </summary>
public sealed class CustomEmailSenderEventException : CustomEmailSenderException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CustomEmailSenderEventException()
        : base("The Custom Email Sender event is not valid.")
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the event.</param>
    public CustomEmailSenderEventException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong with the event.</param>
    /// <param name="innerException">The cause.</param>
    public CustomEmailSenderEventException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception for a field.</summary>
    /// <param name="field">The JSON path of the field, for example <c>request.type</c>; empty for the whole event.</param>
    /// <param name="message">What is wrong with it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CustomEmailSenderEventException(string field, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Field = field ?? string.Empty;
    }

    /// <summary>The JSON path of the offending field (for example <c>request.type</c>); empty when the whole event is wrong.</summary>
    public string Field { get; }
}
