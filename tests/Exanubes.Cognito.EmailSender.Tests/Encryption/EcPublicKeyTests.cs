using System.Security.Cryptography;
using Exanubes.Cognito.EmailSender.Encryption;

namespace Exanubes.Cognito.EmailSender.Tests.Encryption;

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
            Assert.Equal(q.Y, EcPublicKey.DecompressWithBigInteger(compressed));
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
            var reference = EcPublicKey.DecompressWithBigInteger(candidate);
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
}
