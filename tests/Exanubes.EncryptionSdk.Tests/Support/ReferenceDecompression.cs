using System.Numerics;

namespace Exanubes.EncryptionSdk.Tests.Support;

/// <summary>
/// The textbook SEC1 point decompression with <see cref="BigInteger"/>, <c>y = (x³ − 3x + b)^((p+1)/4) mod p</c>: the
/// reference the shipped limb arithmetic in <c>EcPublicKey</c> is checked against (tests) and measured against
/// (bench/Exanubes.Cognito.Benchmarks links this file). Slow by design; never shipped.
/// </summary>
public static class ReferenceDecompression
{
    private static readonly (BigInteger P, BigInteger B) P256 = (
        Hex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF"),
        Hex("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B"));

    private static readonly (BigInteger P, BigInteger B) P384 = (
        Hex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF"),
        Hex("B3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF"));

    /// <summary>The Y coordinate of a compressed P-256 (33 bytes) or P-384 (49 bytes) point, or null when X is not on the curve.</summary>
    public static byte[]? Decompress(ReadOnlySpan<byte> compressed)
    {
        var (p, b) = compressed.Length == 33 ? P256 : P384;
        var x = new BigInteger(compressed[1..], isUnsigned: true, isBigEndian: true);
        if (x >= p)
        {
            return null;
        }

        var rhs = ((((x * x % p) * x) - (3 * x) + b) % p + p) % p;
        var y = BigInteger.ModPow(rhs, (p + 1) >> 2, p);
        if (y * y % p != rhs)
        {
            return null;
        }

        if ((int)(y & 1) != (compressed[0] & 1))
        {
            y = p - y;
        }

        var bytes = new byte[compressed.Length - 1];
        y.TryWriteBytes(bytes.AsSpan(bytes.Length - y.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    private static BigInteger Hex(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
