namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// Another delivery of the same event holds its send lease, so this one does not send: it fails, Lambda retries it, and
/// by then the other delivery has completed (the retry is a duplicate) or its lease has expired (the retry sends).
/// </summary>
public sealed class SmsSendInProgressException : CustomSmsSenderException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SmsSendInProgressException()
        : base("Another delivery of this SMS event is being sent.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public SmsSendInProgressException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public SmsSendInProgressException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a trigger source whose lease ends at <paramref name="leaseExpiresAt"/>.</summary>
    /// <param name="triggerSource">The event's trigger source.</param>
    /// <param name="leaseExpiresAt">When the other delivery's lease ends, if known.</param>
    public SmsSendInProgressException(string triggerSource, DateTimeOffset? leaseExpiresAt)
        : base($"Another delivery of this {triggerSource} event holds its send lease (until {leaseExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}); Lambda retries, and the retry sends only if that delivery did not.")
    {
        LeaseExpiresAt = leaseExpiresAt;
    }

    /// <summary>When the other delivery's lease ends; <see langword="null"/> when unknown.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; }
}
