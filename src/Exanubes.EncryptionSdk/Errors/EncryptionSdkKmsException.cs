namespace Exanubes.EncryptionSdk;

/// <summary>
/// AWS KMS failed to return the data key for an encrypted data key the keyring is configured for: KMS reported an
/// error (for example an invalid ciphertext), or answered with another key id or a data key of the wrong length.
/// </summary>
public class EncryptionSdkKmsException : EncryptionSdkException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EncryptionSdkKmsException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    public EncryptionSdkKmsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EncryptionSdkKmsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
