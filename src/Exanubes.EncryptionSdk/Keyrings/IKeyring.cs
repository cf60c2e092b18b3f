namespace Exanubes.EncryptionSdk;

/// <summary>
/// Recovers the plaintext data key of an AWS Encryption SDK message from one of its encrypted data keys, as a
/// <see href="https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/choose-keyring.html">keyring</see> does.
/// Implemented by <see cref="KmsKeyring"/> (what Cognito needs), <see cref="RawAesKeyring"/> and <see cref="RawRsaKeyring"/>.
/// </summary>
public interface IKeyring
{
    /// <summary>
    /// Tries the encrypted data keys this keyring is configured for, in header order, and returns the first data key
    /// it can unwrap.
    /// </summary>
    /// <param name="request">The suite, the encrypted data keys and the full encryption context.</param>
    /// <param name="cancellationToken">Cancels a call to a key service.</param>
    /// <returns>
    /// The plaintext data key (the caller owns and zeroes it; its length must be
    /// <see cref="KeyringDecryptionRequest.DataKeyLength"/>), or <see langword="null"/> when no encrypted data key is one
    /// this keyring is configured for.
    /// </returns>
    /// <exception cref="EncryptionSdkException">An encrypted data key this keyring is configured for could not be unwrapped.</exception>
    Task<byte[]?> DecryptDataKeyAsync(KeyringDecryptionRequest request, CancellationToken cancellationToken);
}
