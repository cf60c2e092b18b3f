using System.Numerics;
using System.Security.Cryptography;

namespace Exanubes.Cognito.EmailSender.Encryption;

/// <summary>
/// The message signer's public key from <c>aws-crypto-public-key</c>: a SEC1 compressed P-256/P-384 point, which .NET
/// cannot import, so it is decompressed here (esdk-format.md §6, §9).
/// </summary>
internal static class EcPublicKey
{
    public const string ContextKey = "aws-crypto-public-key";

    private static readonly BigInteger P256 = Parse("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");
    private static readonly BigInteger B256 = Parse("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B");
    private static readonly BigInteger P384 = Parse("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF");
    private static readonly BigInteger B384 = Parse("B3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF");

    /// <summary>Decodes the base64 context value into a compressed point of the suite's curve.</summary>
    public static byte[] DecodeCompressed(string base64, int fieldSize)
    {
        byte[] point;
        try
        {
            point = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new EncryptionSdkMalformedMessageException($"the {ContextKey} encryption-context value is not valid base64");
        }

        if (point.Length != fieldSize + 1 || point[0] is not (2 or 3))
        {
            throw new EncryptionSdkMalformedMessageException(
                $"the {ContextKey} encryption-context value is not a compressed {(fieldSize == 32 ? "P-256" : "P-384")} point");
        }

        return point;
    }

    /// <summary>Recovers Y from a compressed point; fails if X is not on the curve.</summary>
    public static ECParameters Decompress(ReadOnlySpan<byte> compressed)
    {
        var fieldSize = compressed.Length - 1;
        var (p, b, curve) = fieldSize == 32 ? (P256, B256, ECCurve.NamedCurves.nistP256) : (P384, B384, ECCurve.NamedCurves.nistP384);
        var x = new BigInteger(compressed[1..], isUnsigned: true, isBigEndian: true);
        if (x >= p)
        {
            throw NotOnCurve();
        }

        var rhs = (((x * x % p) * x) - (3 * x) + b) % p;
        if (rhs.Sign < 0)
        {
            rhs += p;
        }

        var y = BigInteger.ModPow(rhs, (p + 1) >> 2, p);
        if (y * y % p != rhs)
        {
            throw NotOnCurve();
        }

        if ((int)(y & 1) != (compressed[0] & 1))
        {
            y = p - y;
        }

        var yBytes = new byte[fieldSize];
        y.TryWriteBytes(yBytes.AsSpan(fieldSize - y.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return new ECParameters { Curve = curve, Q = new ECPoint { X = compressed[1..].ToArray(), Y = yBytes } };
    }

    public static EncryptionSdkAuthenticationException NotOnCurve() =>
        new($"the {ContextKey} encryption-context value is not a point on the curve");

    private static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
