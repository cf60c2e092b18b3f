namespace Exanubes.EncryptionSdk;

/// <summary>
/// The input is not a well-formed AWS Encryption SDK message: a field is out of range, a reserved field is not zero,
/// the input is truncated, has trailing bytes, or is still base64 text (decode <c>request.code</c> first).
/// </summary>
public sealed class EncryptionSdkMalformedMessageException : EncryptionSdkException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EncryptionSdkMalformedMessageException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    public EncryptionSdkMalformedMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EncryptionSdkMalformedMessageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
