namespace Exanubes.EncryptionSdk;

/// <summary>
/// The message exceeds a configured limit of <see cref="EncryptionSdkDecryptorOptions"/>: too many encrypted
/// data keys, too large a message or too large a frame.
/// </summary>
public sealed class EncryptionSdkLimitExceededException : EncryptionSdkException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EncryptionSdkLimitExceededException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    public EncryptionSdkLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EncryptionSdkLimitExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
