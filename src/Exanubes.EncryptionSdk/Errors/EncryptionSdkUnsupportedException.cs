namespace Exanubes.EncryptionSdk;

/// <summary>
/// The message uses a message format version or algorithm suite this reader does not decrypt, or one the configured
/// <see cref="EncryptionSdkCommitmentPolicy"/> refuses.
/// </summary>
public sealed class EncryptionSdkUnsupportedException : EncryptionSdkException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EncryptionSdkUnsupportedException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    public EncryptionSdkUnsupportedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EncryptionSdkUnsupportedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
