using System.Security.Cryptography;

namespace Exanubes.EncryptionSdk;

/// <summary>
/// Unwraps data keys wrapped by an AWS Encryption SDK
/// <see href="https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/use-raw-rsa-keyring.html">raw RSA keyring</see>
/// with a local RSA private key. For tests and the conformance vectors; production Cognito messages need <see cref="KmsKeyring"/>.
/// </summary>
/// <remarks>RSA wrapping does not bind the encryption context. The keyring does not own or dispose the key.</remarks>
public sealed class RawRsaKeyring : IKeyring
{
    private readonly string _keyNamespace;
    private readonly byte[] _keyName;
    private readonly RSA _privateKey;
    private readonly RSAEncryptionPadding _padding;

    /// <summary>Creates a raw RSA keyring.</summary>
    /// <param name="keyNamespace">The key namespace, which must equal the encrypted data key's provider id.</param>
    /// <param name="keyName">The key name, which must equal the encrypted data key's provider info.</param>
    /// <param name="privateKey">The RSA private key; not disposed by the keyring.</param>
    /// <param name="padding">The padding the data keys were wrapped with.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="padding"/> is not a defined value.</exception>
    public RawRsaKeyring(string keyNamespace, string keyName, RSA privateKey, RawRsaPadding padding)
    {
        ArgumentNullException.ThrowIfNull(keyNamespace);
        ArgumentNullException.ThrowIfNull(keyName);
        ArgumentNullException.ThrowIfNull(privateKey);
        _keyNamespace = keyNamespace;
        _keyName = EncryptionContextSerializer.Utf8.GetBytes(keyName);
        _privateKey = privateKey;
        _padding = padding switch
        {
            RawRsaPadding.Pkcs1 => RSAEncryptionPadding.Pkcs1,
            RawRsaPadding.OaepSha1 => RSAEncryptionPadding.OaepSHA1,
            RawRsaPadding.OaepSha256 => RSAEncryptionPadding.OaepSHA256,
            RawRsaPadding.OaepSha384 => RSAEncryptionPadding.OaepSHA384,
            RawRsaPadding.OaepSha512 => RSAEncryptionPadding.OaepSHA512,
            _ => throw new ArgumentOutOfRangeException(nameof(padding), padding, "unknown RSA padding"),
        };
    }

    /// <inheritdoc />
    public Task<byte[]?> DecryptDataKeyAsync(KeyringDecryptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempted = 0;
        foreach (var edk in request.EncryptedDataKeys)
        {
            if (!string.Equals(edk.ProviderId, _keyNamespace, StringComparison.Ordinal) || !edk.ProviderInfo.Span.SequenceEqual(_keyName))
            {
                continue;
            }

            attempted++;
            byte[] dataKey;
            try
            {
                dataKey = _privateKey.Decrypt(edk.Ciphertext.ToArray(), _padding);
            }
            catch (CryptographicException)
            {
                continue;
            }

            if (dataKey.Length == request.DataKeyLength)
            {
                return Task.FromResult<byte[]?>(dataKey);
            }

            CryptographicOperations.ZeroMemory(dataKey);
        }

        if (attempted > 0)
        {
            throw new EncryptionSdkAuthenticationException(
                $"the raw RSA keyring '{_keyNamespace}' could not unwrap any of its {attempted} encrypted data key(s): wrong private key or padding");
        }

        return Task.FromResult<byte[]?>(null);
    }
}
