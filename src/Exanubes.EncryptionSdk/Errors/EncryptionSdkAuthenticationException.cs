namespace Exanubes.EncryptionSdk;

/// <summary>
/// A cryptographic check failed: the header authentication tag, the key commitment, a frame's authentication tag
/// or the ECDSA signature. The message was altered, or was not written with the data key the keyring returned. No
/// plaintext is released.
/// </summary>
public sealed class EncryptionSdkAuthenticationException : EncryptionSdkException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EncryptionSdkAuthenticationException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    public EncryptionSdkAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EncryptionSdkAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
