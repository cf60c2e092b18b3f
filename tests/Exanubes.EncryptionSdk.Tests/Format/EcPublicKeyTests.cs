using System.Security.Cryptography;
using Exanubes.EncryptionSdk.Tests.Support;

namespace Exanubes.EncryptionSdk.Tests.Format;

public sealed class EcPublicKeyTests
{
    public static TheoryData<string> Curves() => ["P-256", "P-384"];

    private static ECCurve Curve(string name) => name == "P-256" ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384;

    private static byte[] Compress(ECPoint q) => [(byte)(2 | (q.Y![^1] & 1)), .. q.X!];

    [Theory]
    [MemberData(nameof(Curves))]
    public void Decompress_FreshKeys_RecoversExactY(string curve)
    {
        for (var i = 0; i < 50; i++)
        {
            using var key = ECDsa.Create(Curve(curve));
            var q = key.ExportParameters(false).Q;
            var compressed = Compress(q);

            var result = EcPublicKey.Decompress(compressed);

            Assert.Equal(q.X, result.Q.X);
            Assert.Equal(q.Y, result.Q.Y);
            Assert.Equal(q.Y, ReferenceDecompression.Decompress(compressed));
        }
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Decompress_XNotOnCurve_ThrowsAndAgreesWithReference(string curve)
    {
        var size = curve == "P-256" ? 32 : 48;
        var rejected = 0;
        for (var i = 0; i < 64; i++)
        {
            var candidate = new byte[size + 1];
            RandomNumberGenerator.Fill(candidate);
            candidate[0] = (byte)(2 + (i & 1));
            var reference = ReferenceDecompression.Decompress(candidate);
            if (reference is null)
            {
                rejected++;
                Assert.Throws<EncryptionSdkAuthenticationException>(() => EcPublicKey.Decompress(candidate));
            }
            else
            {
                Assert.Equal(reference, EcPublicKey.Decompress(candidate).Q.Y);
            }
        }

        Assert.InRange(rejected, 1, 63); // about half of all X values are not on the curve
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Decompress_XAtLeastP_Throws(string curve)
    {
        var size = curve == "P-256" ? 32 : 48;
        var compressed = Enumerable.Repeat((byte)0xFF, size + 1).ToArray();
        compressed[0] = 2;

        Assert.Throws<EncryptionSdkAuthenticationException>(() => EcPublicKey.Decompress(compressed));
    }

    [Theory]
    [InlineData("AAAA")]
    [InlineData("not base64 at all!")]
    [InlineData("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")]
    public void DecodeCompressed_NotACompressedPoint_ThrowsMalformed(string value)
    {
        Assert.Throws<EncryptionSdkMalformedMessageException>(() => EcPublicKey.DecodeCompressed(value, 48));
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Import_FreshKey_VerifiesItsSignatureAndNoOther(string curve)
    {
        var hash = curve == "P-256" ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384;
        for (var i = 0; i < 10; i++)
        {
            using var signer = ECDsa.Create(Curve(curve));
            var data = RandomNumberGenerator.GetBytes(100);
            var signature = signer.SignData(data, hash, DSASignatureFormat.Rfc3279DerSequence);

            using var imported = EcPublicKey.Import(Compress(signer.ExportParameters(false).Q));
            using var parameters = EcPublicKey.ImportWithParameters(Compress(signer.ExportParameters(false).Q));

            Assert.True(imported.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence));
            Assert.True(parameters.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence));
            data[0] ^= 1;
            Assert.False(imported.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence));
        }
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Import_XNotOnCurve_ThrowsAuthentication(string curve)
    {
        var size = curve == "P-256" ? 32 : 48;
        var tried = 0;
        while (tried < 8)
        {
            var candidate = RandomNumberGenerator.GetBytes(size + 1);
            candidate[0] = 3;
            if (ReferenceDecompression.Decompress(candidate) is null)
            {
                tried++;
                Assert.Throws<EncryptionSdkAuthenticationException>(() => EcPublicKey.Import(candidate));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Import_XPlusP_IsRejectedNotReduced(string curve)
    {
        // X + p still fits the field size for a small X; a reader that reduced X modulo p would accept it as X.
        var pHex = curve == "P-256"
            ? "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF"
            : "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF";
        var p = new System.Numerics.BigInteger(Convert.FromHexString(pHex), isUnsigned: true, isBigEndian: true);
        for (var x = 1; x < 64; x++)
        {
            var small = new byte[(pHex.Length / 2) + 1];
            small[0] = 2;
            small[^1] = (byte)x;
            if (ReferenceDecompression.Decompress(small) is null)
            {
                continue;
            }

            var aliased = (p + x).ToByteArray(isUnsigned: true, isBigEndian: true);
            Assert.Equal(pHex.Length / 2, aliased.Length);
            Assert.Throws<EncryptionSdkAuthenticationException>(() => EcPublicKey.Import([2, .. aliased]));
            return;
        }

        Assert.Fail("no small X on the curve found");
    }

    [Fact]
    public void UsesCertificateRoute_OnLinux_IsTrue()
    {
        Assert.Equal(OperatingSystem.IsLinux(), EcPublicKey.UsesCertificateRoute);
    }
}
