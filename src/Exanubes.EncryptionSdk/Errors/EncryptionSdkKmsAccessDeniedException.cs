namespace Exanubes.EncryptionSdk;

/// <summary>
/// AWS KMS denied <c>Decrypt</c>: the caller's role (the Lambda function's execution role) needs
/// <c>kms:Decrypt</c> on the configured key ARN.
/// </summary>
public sealed class EncryptionSdkKmsAccessDeniedException : EncryptionSdkKmsException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EncryptionSdkKmsAccessDeniedException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    public EncryptionSdkKmsAccessDeniedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EncryptionSdkKmsAccessDeniedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
