namespace Exanubes.EncryptionSdk;

/// <summary>
/// One encrypted data key (EDK) from a message header: the data key wrapped by one key provider, for example
/// AWS KMS under the user pool's key (provider id <c>aws-kms</c>, provider info = the key ARN).
/// </summary>
/// <remarks>Everything here is read from the message and is untrusted until the header is authenticated.</remarks>
public sealed class EncryptedDataKey
{
    /// <summary>Creates an encrypted data key.</summary>
    /// <param name="providerId">The key provider id, for example <c>aws-kms</c>.</param>
    /// <param name="providerInfo">The provider info, for example the UTF-8 key ARN.</param>
    /// <param name="ciphertext">The wrapped data key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="providerId"/> is null.</exception>
    public EncryptedDataKey(string providerId, ReadOnlyMemory<byte> providerInfo, ReadOnlyMemory<byte> ciphertext)
    {
        ArgumentNullException.ThrowIfNull(providerId);
        ProviderId = providerId;
        ProviderInfo = providerInfo;
        Ciphertext = ciphertext;
    }

    /// <summary>The key provider id (UTF-8 on the wire), for example <c>aws-kms</c>.</summary>
    public string ProviderId { get; }

    /// <summary>The provider info: the key ARN for <c>aws-kms</c>, key name and IV for a raw AES keyring.</summary>
    public ReadOnlyMemory<byte> ProviderInfo { get; }

    /// <summary>The wrapped data key, for <c>aws-kms</c> the KMS <c>CiphertextBlob</c>.</summary>
    public ReadOnlyMemory<byte> Ciphertext { get; }
}
