namespace Exanubes.Cognito.SmsSender;

/// <summary>The SMS provider failed or refused the message. The message never contains the code.</summary>
public sealed class SmsDeliveryException : CustomSmsSenderException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SmsDeliveryException()
        : base("The SMS could not be sent.")
    {
        Provider = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public SmsDeliveryException(string message)
        : base(message)
    {
        Provider = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SmsDeliveryException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Provider = string.Empty;
    }

    /// <summary>Creates the exception for a provider.</summary>
    /// <param name="provider">The provider's name, for example <c>Sns</c>.</param>
    /// <param name="statusCode">The HTTP status the provider answered with, if any.</param>
    /// <param name="message">What went wrong; must not contain the code.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SmsDeliveryException(string provider, int? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider ?? string.Empty;
        StatusCode = statusCode;
    }

    /// <summary>The provider's name, for example <c>Sns</c>; empty when unknown.</summary>
    public string Provider { get; }

    /// <summary>The HTTP status the provider answered with; <see langword="null"/> when it was not reached.</summary>
    public int? StatusCode { get; }
}
