namespace Exanubes.EncryptionSdk;

/// <summary>
/// None of the message's encrypted data keys is one the keyring is configured to decrypt, for example no
/// <c>aws-kms</c> data key under the configured key ARN. The message names the provider ids and key ARNs it found.
/// </summary>
public sealed class EncryptionSdkNoMatchingDataKeyException : EncryptionSdkException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EncryptionSdkNoMatchingDataKeyException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    public EncryptionSdkNoMatchingDataKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EncryptionSdkNoMatchingDataKeyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
