namespace Exanubes.Cognito.SmsSender;

/// <summary>
/// The event's <c>request.code</c> could not be decrypted: it is not base64, not a valid AWS Encryption SDK message, not
/// encrypted under the configured KMS key or for this user pool, or KMS refused <c>kms:Decrypt</c>.
/// </summary>
/// <remarks>The message explains the cause and the fix; it never contains the ciphertext or the plaintext.</remarks>
public sealed class SmsCodeDecryptionException : CustomSmsSenderException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SmsCodeDecryptionException()
        : base("The Custom SMS Sender could not decrypt the code.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why decryption failed.</param>
    public SmsCodeDecryptionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">Why decryption failed.</param>
    /// <param name="innerException">The cause, typically an Encryption SDK or KMS exception.</param>
    public SmsCodeDecryptionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
