namespace Exanubes.EncryptionSdk;

/// <summary>
/// The eleven AWS Encryption SDK
/// <see href="https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/supported-algorithms.html">algorithm suites</see>,
/// by their two-byte wire id. Cognito encrypts codes with <see cref="Aes256GcmHkdfSha384EcdsaP384"/>.
/// </summary>
#pragma warning disable CA1028 // The wire id is a u16; the enum mirrors it.
public enum AlgorithmSuiteId : ushort
#pragma warning restore CA1028
{
    /// <summary>0x0014: AES-128-GCM, no key derivation, no signature (message format 1).</summary>
    Aes128GcmNoKdf = 0x0014,

    /// <summary>0x0046: AES-192-GCM, no key derivation, no signature (message format 1).</summary>
    Aes192GcmNoKdf = 0x0046,

    /// <summary>0x0078: AES-256-GCM, no key derivation, no signature (message format 1).</summary>
    Aes256GcmNoKdf = 0x0078,

    /// <summary>0x0114: AES-128-GCM, HKDF-SHA256, no signature (message format 1).</summary>
    Aes128GcmHkdfSha256 = 0x0114,

    /// <summary>0x0146: AES-192-GCM, HKDF-SHA256, no signature (message format 1).</summary>
    Aes192GcmHkdfSha256 = 0x0146,

    /// <summary>0x0178: AES-256-GCM, HKDF-SHA256, no signature (message format 1).</summary>
    Aes256GcmHkdfSha256 = 0x0178,

    /// <summary>0x0214: AES-128-GCM, HKDF-SHA256, ECDSA P-256 signature (message format 1).</summary>
    Aes128GcmHkdfSha256EcdsaP256 = 0x0214,

    /// <summary>0x0346: AES-192-GCM, HKDF-SHA384, ECDSA P-384 signature (message format 1).</summary>
    Aes192GcmHkdfSha384EcdsaP384 = 0x0346,

    /// <summary>0x0378: AES-256-GCM, HKDF-SHA384, ECDSA P-384 signature (message format 1): what Cognito sends.</summary>
    Aes256GcmHkdfSha384EcdsaP384 = 0x0378,

    /// <summary>0x0478: AES-256-GCM, HKDF-SHA512 with key commitment, no signature (message format 2).</summary>
    Aes256GcmHkdfSha512CommitKey = 0x0478,

    /// <summary>0x0578: AES-256-GCM, HKDF-SHA512 with key commitment, ECDSA P-384 signature (message format 2).</summary>
    Aes256GcmHkdfSha512CommitKeyEcdsaP384 = 0x0578,
}
