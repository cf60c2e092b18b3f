using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Exanubes.EncryptionSdk;

/// <summary>
/// Unwraps data keys wrapped by an AWS Encryption SDK
/// <see href="https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/use-raw-aes-keyring.html">raw AES keyring</see>
/// with a local AES-GCM wrapping key. For tests, local stacks (cognito-local) and the conformance vectors; production
/// Cognito messages need <see cref="KmsKeyring"/>.
/// </summary>
/// <remarks>The encryption context is authenticated by the wrapping (it is the AES-GCM AAD). The key is copied; keep the original secret.</remarks>
public sealed class RawAesKeyring : IKeyring
{
    private const int TagLength = 16;
    private const int IvLength = 12;
    private readonly string _keyNamespace;
    private readonly byte[] _keyName;
    private readonly byte[] _wrappingKey;

    /// <summary>Creates a raw AES keyring.</summary>
    /// <param name="keyNamespace">The key namespace, which must equal the encrypted data key's provider id.</param>
    /// <param name="keyName">The key name, the start of the encrypted data key's provider info.</param>
    /// <param name="wrappingKey">The AES wrapping key: 16, 24 or 32 bytes.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The wrapping key is not 16, 24 or 32 bytes long.</exception>
    public RawAesKeyring(string keyNamespace, string keyName, byte[] wrappingKey)
    {
        ArgumentNullException.ThrowIfNull(keyNamespace);
        ArgumentNullException.ThrowIfNull(keyName);
        ArgumentNullException.ThrowIfNull(wrappingKey);
        if (wrappingKey.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("the raw AES wrapping key must be 16, 24 or 32 bytes long", nameof(wrappingKey));
        }

        _keyNamespace = keyNamespace;
        _keyName = EncryptionContextSerializer.Utf8.GetBytes(keyName);
        _wrappingKey = (byte[])wrappingKey.Clone();
    }

    /// <inheritdoc />
    public Task<byte[]?> DecryptDataKeyAsync(KeyringDecryptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[]? aad = null;
        var attempted = 0;
        foreach (var edk in request.EncryptedDataKeys)
        {
            var info = edk.ProviderInfo.Span;
            if (!string.Equals(edk.ProviderId, _keyNamespace, StringComparison.Ordinal)
                || info.Length != _keyName.Length + 8 + IvLength
                || !info.StartsWith(_keyName)
                || BinaryPrimitives.ReadUInt32BigEndian(info[_keyName.Length..]) != TagLength * 8
                || BinaryPrimitives.ReadUInt32BigEndian(info[(_keyName.Length + 4)..]) != IvLength)
            {
                continue;
            }

            attempted++;
            var ciphertext = edk.Ciphertext.Span;
            if (ciphertext.Length != request.DataKeyLength + TagLength)
            {
                continue;
            }

            aad ??= EncryptionContextSerializer.Serialize(request.EncryptionContext);
            var dataKey = new byte[request.DataKeyLength];
            try
            {
                using var aes = new AesGcm(_wrappingKey, TagLength);
                aes.Decrypt(info[(_keyName.Length + 8)..], ciphertext[..^TagLength], ciphertext[^TagLength..], dataKey, aad);
                return Task.FromResult<byte[]?>(dataKey);
            }
            catch (CryptographicException)
            {
                CryptographicOperations.ZeroMemory(dataKey);
            }
        }

        if (attempted > 0)
        {
            throw new EncryptionSdkAuthenticationException(
                $"the raw AES keyring '{_keyNamespace}' could not unwrap any of its {attempted} encrypted data key(s): wrong wrapping key, or the encryption context differs from the one used to encrypt");
        }

        return Task.FromResult<byte[]?>(null);
    }
}
