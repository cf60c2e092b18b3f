namespace Exanubes.EncryptionSdk;

/// <summary>
/// The message's encryption context does not hold a required entry (for example <c>userpool-id</c> for the expected
/// user pool), or the public-key entry does not fit the algorithm suite.
/// </summary>
public sealed class EncryptionSdkEncryptionContextMismatchException : EncryptionSdkException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EncryptionSdkEncryptionContextMismatchException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    public EncryptionSdkEncryptionContextMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EncryptionSdkEncryptionContextMismatchException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
