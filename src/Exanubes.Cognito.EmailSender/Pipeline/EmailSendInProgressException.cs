namespace Exanubes.Cognito.EmailSender;

/// <summary>
/// Another delivery of the same Cognito event holds the send lease: it is sending now, or it crashed and its lease has
/// not expired. The invocation fails so Lambda retries it; the retry finds the event completed (and sends nothing) or
/// the lease expired (and sends).
/// </summary>
public sealed class EmailSendInProgressException : CustomEmailSenderException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EmailSendInProgressException()
        : base("Another delivery of this event is sending it.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EmailSendInProgressException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EmailSendInProgressException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal EmailSendInProgressException(CustomEmailSenderTriggerSource triggerSource, DateTimeOffset? leaseExpiresAt)
        : base($"Another delivery of this {triggerSource} event holds its send lease{(leaseExpiresAt is { } at ? $" until {at:O}" : string.Empty)}; failing so Lambda retries once it completed or the lease expired.")
    {
        LeaseExpiresAt = leaseExpiresAt;
    }

    /// <summary>When the other delivery's lease ends, if known.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; }
}
