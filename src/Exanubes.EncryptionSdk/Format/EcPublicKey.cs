using System.Numerics;
using System.Security.Cryptography;

namespace Exanubes.EncryptionSdk;

/// <summary>
/// The message signer's public key from <c>aws-crypto-public-key</c>: a SEC1 compressed P-256/P-384 point, which .NET
/// cannot import, so it is decompressed here (esdk-format.md §6, §9).
/// </summary>
/// <remarks>
/// <para>
/// Importing a key through <see cref="ECParameters"/> makes OpenSSL run a full public-key check (a scalar
/// multiplication by the group order, about as costly as the signature check itself). Where the platform's X.509 loader
/// accepts a compressed point (OpenSSL, the Lambda runtime), <see cref="Import"/> wraps the point in a minimal, unsigned
/// certificate and lets OpenSSL decode it: OpenSSL decompresses it and rejects points off the curve, and for these
/// prime-order curves every point on the curve is a valid public key. A probe at first use checks the route against our
/// own decompression; elsewhere the key is decompressed here and imported as <see cref="ECParameters"/>.
/// </para>
/// <para>
/// Decompression is a modular square root, <c>y = (x³ − 3x + b)^((p+1)/4) mod p</c>. <see cref="BigInteger.ModPow"/>
/// takes about 1.5 ms for P-384 here, as long as the signature check itself, so the field arithmetic is done with
/// fixed-width 64-bit limbs in Montgomery form (tens of microseconds). The point is checked to be on the curve.
/// </para>
/// </remarks>
internal static class EcPublicKey
{
    public const string ContextKey = "aws-crypto-public-key";

    private static readonly NamedCurve P256 = new(
        "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF",
        "5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B",
        "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296",
        "1.2.840.10045.3.1.7",
        ECCurve.NamedCurves.nistP256);

    private static readonly NamedCurve P384 = new(
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF",
        "B3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF",
        "AA87CA22BE8B05378EB1C71EF320AD746E1D3B628BA79B9859F741E082542A385502F25DBF55296C3A545E3872760AB7",
        "1.3.132.0.34",
        ECCurve.NamedCurves.nistP384);

    private static readonly Lazy<bool> CertificateRouteWorks = new(ProbeCertificateRoute);

    /// <summary>Whether compressed points are imported through the platform's X.509 loader (see remarks).</summary>
    internal static bool UsesCertificateRoute => CertificateRouteWorks.Value;

    /// <summary>Imports a compressed point as a verification key; fails if it is not on the curve.</summary>
    public static ECDsa Import(ReadOnlySpan<byte> compressed)
    {
        if (!CertificateRouteWorks.Value)
        {
            return ImportWithParameters(compressed);
        }

        try
        {
            return ImportThroughCertificate(compressed) ?? throw NotOnCurve();
        }
        catch (CryptographicException e)
        {
            throw new EncryptionSdkAuthenticationException($"the {ContextKey} encryption-context value is not a point on the curve", e);
        }
    }

    /// <summary>Imports the point the slow, portable way (decompress here, then import X and Y).</summary>
    internal static ECDsa ImportWithParameters(ReadOnlySpan<byte> compressed) => ECDsa.Create(Decompress(compressed));

    private static ECDsa? ImportThroughCertificate(ReadOnlySpan<byte> compressed)
    {
        var curve = compressed.Length == 33 ? P256 : P384;
        if (compressed[1..].SequenceCompareTo(curve.Field.ModulusBytes) >= 0)
        {
            return null; // a canonical encoding has X < p (OpenSSL refuses it too; checked here so no platform is trusted for it)
        }

        return curve.Certificate.Import(compressed);
    }

    private static bool ProbeCertificateRoute()
    {
        try
        {
            foreach (var curve in new[] { P256, P384 })
            {
                var compressed = new byte[curve.Field.Size + 1];
                compressed[0] = 2;
                curve.Field.GeneratorX.CopyTo(compressed, 1);
                var expected = Decompress(compressed).Q;
                using var key = ImportThroughCertificate(compressed);
                var actual = key?.ExportParameters(false).Q;
                if (actual is null || !actual.Value.X.AsSpan().SequenceEqual(expected.X) || !actual.Value.Y.AsSpan().SequenceEqual(expected.Y))
                {
                    return false;
                }
            }

            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (PlatformNotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Decodes the base64 context value into a compressed point of the suite's curve.</summary>
    public static byte[] DecodeCompressed(string base64, int fieldSize)
    {
        var point = new byte[fieldSize + 1];
        if (!Convert.TryFromBase64String(base64, point, out var written) || written != point.Length || point[0] is not (2 or 3))
        {
            throw new EncryptionSdkMalformedMessageException(
                $"the {ContextKey} encryption-context value is not a base64 compressed {(fieldSize == 32 ? "P-256" : "P-384")} point");
        }

        return point;
    }

    /// <summary>Recovers Y from a compressed point; fails if X is not the X of a point on the curve.</summary>
    public static ECParameters Decompress(ReadOnlySpan<byte> compressed)
    {
        var curve = compressed.Length == 33 ? P256 : P384;
        var y = new byte[compressed.Length - 1];
        if (!curve.Field.TryDecompress(compressed, y))
        {
            throw NotOnCurve();
        }

        return new ECParameters { Curve = curve.Curve, Q = new ECPoint { X = compressed[1..].ToArray(), Y = y } };
    }

    public static EncryptionSdkAuthenticationException NotOnCurve() =>
        new($"the {ContextKey} encryption-context value is not a point on the curve");

    /// <summary>A curve's field arithmetic, its X.509 template and its .NET name.</summary>
    private sealed class NamedCurve(string pHex, string bHex, string gxHex, string curveOid, ECCurve curve)
    {
        public NistPrimeField Field { get; } = new(pHex, bHex, gxHex);

        public CompressedPointCertificate Certificate { get; } = new(curveOid, Convert.FromHexString(gxHex).Length);

        public ECCurve Curve { get; } = curve;
    }
}
