using System.Security.Cryptography;

namespace Exanubes.EncryptionSdk;

/// <summary>The properties of each ESDK algorithm suite (esdk-format.md §2).</summary>
internal static class AlgorithmSuites
{
    public static bool IsKnown(ushort id) => id is 0x0014 or 0x0046 or 0x0078 or 0x0114 or 0x0146 or 0x0178
        or 0x0214 or 0x0346 or 0x0378 or 0x0478 or 0x0578;

    public static int MessageVersion(AlgorithmSuiteId id) => IsCommitting(id) ? 2 : 1;

    public static int DataKeyLength(AlgorithmSuiteId id) => ((ushort)id & 0xFF) switch
    {
        0x14 => 16,
        0x46 => 24,
        0x78 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    public static bool IsCommitting(AlgorithmSuiteId id) => id is AlgorithmSuiteId.Aes256GcmHkdfSha512CommitKey or AlgorithmSuiteId.Aes256GcmHkdfSha512CommitKeyEcdsaP384;

    public static bool IsSigning(AlgorithmSuiteId id) => id is AlgorithmSuiteId.Aes128GcmHkdfSha256EcdsaP256
        or AlgorithmSuiteId.Aes192GcmHkdfSha384EcdsaP384 or AlgorithmSuiteId.Aes256GcmHkdfSha384EcdsaP384
        or AlgorithmSuiteId.Aes256GcmHkdfSha512CommitKeyEcdsaP384;

    /// <summary>The KDF hash: none for the 0x00xx suites.</summary>
    public static HashAlgorithmName? KdfHash(AlgorithmSuiteId id) => ((ushort)id >> 8) switch
    {
        0x00 => null,
        0x01 or 0x02 => HashAlgorithmName.SHA256,
        0x03 => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    /// <summary>The signature curve size in bytes: 32 (P-256) or 48 (P-384).</summary>
    public static int SignatureFieldSize(AlgorithmSuiteId id) => id == AlgorithmSuiteId.Aes128GcmHkdfSha256EcdsaP256 ? 32 : 48;
}
