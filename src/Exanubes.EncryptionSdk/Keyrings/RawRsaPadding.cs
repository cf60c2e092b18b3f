namespace Exanubes.EncryptionSdk;

/// <summary>The RSA padding a <see cref="RawRsaKeyring"/> unwraps data keys with (OAEP hash = MGF1 hash, empty label).</summary>
public enum RawRsaPadding
{
    /// <summary>PKCS#1 v1.5 encryption padding.</summary>
    Pkcs1 = 0,

    /// <summary>OAEP with SHA-1 and MGF1-SHA-1.</summary>
    OaepSha1 = 1,

    /// <summary>OAEP with SHA-256 and MGF1-SHA-256.</summary>
    OaepSha256 = 2,

    /// <summary>OAEP with SHA-384 and MGF1-SHA-384.</summary>
    OaepSha384 = 3,

    /// <summary>OAEP with SHA-512 and MGF1-SHA-512.</summary>
    OaepSha512 = 4,
}
