namespace Exanubes.EncryptionSdk;

/// <summary>
/// The root of every failure raised while decrypting an AWS Encryption SDK message, such as the encrypted
/// <c>code</c> Cognito hands a Custom Email Sender trigger.
/// </summary>
/// <remarks>
/// Messages never contain plaintext or key material. Catch this type to handle every decryption failure; catch a
/// derived type to react to one cause. See
/// <see href="https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/message-format.html">the message format</see>.
/// </remarks>
public class EncryptionSdkException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EncryptionSdkException()
        : base("the AWS Encryption SDK message could not be decrypted")
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    public EncryptionSdkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong; never plaintext or key material.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EncryptionSdkException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
