using System.Security.Cryptography;
using Exanubes.EncryptionSdk;

namespace Exanubes.Cognito.Benchmarks.Esdk;

/// <summary>The ESDK bench's floor; linked into the Native AOT child (bench/Exanubes.Cognito.Benchmarks.EsdkNative) too.</summary>
internal static class EsdkFloor
{
    /// <summary>The same cryptographic work with no parsing, no keyring abstraction and precomputed offsets.</summary>
    public static bool Run(CognitoShapedMessage f)
    {
        var m = f.Message.AsSpan();
        Span<byte> dataKey = stackalloc byte[32];
        using (var wrap = new AesGcm(f.WrappingKey, 16))
        {
            wrap.Decrypt(f.EdkIv, f.EdkCiphertext.AsSpan(0, 32), f.EdkCiphertext.AsSpan(32), dataKey, f.CanonicalContext);
        }

        Span<byte> key = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA384, dataKey, key, [], f.HkdfInfo);
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(m.Slice(f.HeaderIvOffset, 12), [], m.Slice(f.HeaderIvOffset + 12, 16), [], m[..f.HeaderBodyLength]);
        Span<byte> code = stackalloc byte[6];
        aes.Decrypt(m.Slice(f.FrameIvOffset, 12), m.Slice(f.FrameIvOffset + 16, 6), m.Slice(f.FrameIvOffset + 22, 16), code, f.FrameAad);
        using var ecdsa = EcPublicKey.Import(Convert.FromBase64String(f.PublicKeyBase64));
        return ecdsa.VerifyData(m[..f.BodyEnd], m[(f.BodyEnd + 2)..], HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence);
    }

}
