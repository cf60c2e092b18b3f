using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

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

    private static readonly Field P256 = new(
        "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF",
        "5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B",
        "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296",
        "1.2.840.10045.3.1.7",
        ECCurve.NamedCurves.nistP256);

    private static readonly Field P384 = new(
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
        var field = compressed.Length == 33 ? P256 : P384;
        if (compressed[1..].SequenceCompareTo(field.ModulusBytes) >= 0)
        {
            return null; // a canonical encoding has X < p (OpenSSL refuses it too; checked here so no platform is trusted for it)
        }

        var der = (byte[])field.CertificateTemplate.Clone();
        compressed.CopyTo(der.AsSpan(field.PointOffset));
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return certificate.GetECDsaPublicKey();
    }

    private static bool ProbeCertificateRoute()
    {
        try
        {
            foreach (var field in new[] { P256, P384 })
            {
                var compressed = new byte[field.Size + 1];
                compressed[0] = 2;
                field.GeneratorX.CopyTo(compressed, 1);
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
        var field = compressed.Length == 33 ? P256 : P384;
        var y = new byte[compressed.Length - 1];
        if (!field.TryDecompress(compressed, y))
        {
            throw NotOnCurve();
        }

        return new ECParameters { Curve = field.Curve, Q = new ECPoint { X = compressed[1..].ToArray(), Y = y } };
    }

    public static EncryptionSdkAuthenticationException NotOnCurve() =>
        new($"the {ContextKey} encryption-context value is not a point on the curve");

    /// <summary>Arithmetic modulo a NIST prime p ≡ 3 (mod 4), little-endian 64-bit limbs, Montgomery form (R = 2^(64n)).</summary>
    private sealed class Field
    {
        private readonly ulong[] _p;
        private readonly ulong[] _rSquared;
        private readonly ulong[] _bMont;
        private readonly ulong[] _sqrtExponent;
        private readonly ulong _n0;

        public Field(string pHex, string bHex, string gxHex, string curveOid, ECCurve curve)
        {
            Curve = curve;
            GeneratorX = Convert.FromHexString(gxHex);
            ModulusBytes = Convert.FromHexString(pHex);
            Size = GeneratorX.Length;
            (CertificateTemplate, PointOffset) = BuildCertificateTemplate(curveOid, Size);

            // BigInteger only derives the Montgomery constants, once per curve; the per-key arithmetic is on limbs.
            var modulus = new BigInteger(Convert.FromHexString(pHex), isUnsigned: true, isBigEndian: true);
            var b = new BigInteger(Convert.FromHexString(bHex), isUnsigned: true, isBigEndian: true);
            var n = pHex.Length / 16;
            var r = BigInteger.One << (64 * n);
            _p = Limbs(modulus, n);
            _rSquared = Limbs(r * r % modulus, n);
            _bMont = Limbs(b * r % modulus, n);
            _sqrtExponent = Limbs((modulus + 1) >> 2, n);

            // n0 = -p^-1 mod 2^64 by Newton iteration.
            ulong inv = 1;
            for (var i = 0; i < 7; i++)
            {
                inv *= 2 - (_p[0] * inv);
            }

            _n0 = 0 - inv;
        }

        public ECCurve Curve { get; }

        public int Size { get; }

        public byte[] GeneratorX { get; }

        public byte[] ModulusBytes { get; }

        /// <summary>A minimal unsigned X.509 certificate whose key is a compressed point at <see cref="PointOffset"/>.</summary>
        public byte[] CertificateTemplate { get; }

        public int PointOffset { get; }

        public bool TryDecompress(ReadOnlySpan<byte> compressed, Span<byte> yOut)
        {
            var n = _p.Length;
            Span<ulong> x = stackalloc ulong[n];
            Span<ulong> t = stackalloc ulong[n];
            Span<ulong> rhs = stackalloc ulong[n];
            Span<ulong> y = stackalloc ulong[n];
            for (var i = 0; i < n; i++)
            {
                x[i] = BinaryPrimitives.ReadUInt64BigEndian(compressed.Slice(1 + ((n - 1 - i) * 8), 8));
            }

            if (Compare(x, _p) >= 0)
            {
                return false;
            }

            MontMul(x, _rSquared, x); // x in Montgomery form
            MontMul(x, x, t);
            MontMul(t, x, rhs); // x³
            Sub(rhs, x, rhs);
            Sub(rhs, x, rhs);
            Sub(rhs, x, rhs); // x³ − 3x
            Add(rhs, _bMont, rhs); // x³ − 3x + b
            Pow(rhs, _sqrtExponent, y);
            MontMul(y, y, t);
            if (Compare(t, rhs) != 0)
            {
                return false; // x³ − 3x + b is not a square: no point with this X
            }

            t.Clear();
            t[0] = 1;
            MontMul(y, t, y); // out of Montgomery form
            if ((int)(y[0] & 1) != (compressed[0] & 1))
            {
                if (y.ContainsAnyExcept(0UL))
                {
                    t.Clear();
                    Sub(t, y, y); // p − y
                }
                else
                {
                    return false;
                }
            }

            for (var i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(yOut.Slice((n - 1 - i) * 8, 8), y[i]);
            }

            return true;
        }

        /// <summary>Fixed 4-bit window exponentiation (the exponent is public, so no constant-time need).</summary>
        private void Pow(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> exponent, Span<ulong> result)
        {
            var n = _p.Length;
            Span<ulong> table = stackalloc ulong[16 * n];
            Span<ulong> one = stackalloc ulong[n];
            one.Clear();
            one[0] = 1;
            MontMul(one, _rSquared, table[..n]); // 1 in Montgomery form
            a.CopyTo(table.Slice(n, n));
            for (var i = 2; i < 16; i++)
            {
                MontMul(table.Slice((i - 1) * n, n), a, table.Slice(i * n, n));
            }

            table[..n].CopyTo(result);
            for (var bit = (64 * n) - 4; bit >= 0; bit -= 4)
            {
                MontMul(result, result, result);
                MontMul(result, result, result);
                MontMul(result, result, result);
                MontMul(result, result, result);
                var window = (int)((exponent[bit / 64] >> (bit % 64)) & 0xF);
                if (window != 0)
                {
                    MontMul(result, table.Slice(window * n, n), result);
                }
            }
        }

        /// <summary>r = a·b·R⁻¹ mod p (CIOS); r may alias a or b.</summary>
        private void MontMul(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> r)
        {
            var p = _p;
            var n = p.Length;
            Span<ulong> t = stackalloc ulong[n + 2];
            t.Clear();
            for (var i = 0; i < n; i++)
            {
                ulong carry = 0;
                var bi = b[i];
                for (var j = 0; j < n; j++)
                {
                    var hi = Math.BigMul(a[j], bi, out var lo);
                    lo += t[j];
                    hi += lo < t[j] ? 1UL : 0UL;
                    lo += carry;
                    hi += lo < carry ? 1UL : 0UL;
                    t[j] = lo;
                    carry = hi;
                }

                var sum = t[n] + carry;
                t[n + 1] = sum < carry ? 1UL : 0UL;
                t[n] = sum;

                var m = t[0] * _n0;
                var h = Math.BigMul(m, p[0], out var l);
                l += t[0];
                carry = h + (l < t[0] ? 1UL : 0UL);
                for (var j = 1; j < n; j++)
                {
                    var hi = Math.BigMul(m, p[j], out var lo);
                    lo += t[j];
                    hi += lo < t[j] ? 1UL : 0UL;
                    lo += carry;
                    hi += lo < carry ? 1UL : 0UL;
                    t[j - 1] = lo;
                    carry = hi;
                }

                sum = t[n] + carry;
                t[n - 1] = sum;
                t[n] = t[n + 1] + (sum < carry ? 1UL : 0UL);
            }

            if (t[n] != 0 || Compare(t[..n], p) >= 0)
            {
                SubRaw(t[..n], p, t[..n]);
            }

            t[..n].CopyTo(r);
        }

        /// <summary>r = a + b mod p, for a, b &lt; p; r may alias a or b.</summary>
        private void Add(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> r)
        {
            if (AddRaw(a, b, r) != 0 || Compare(r, _p) >= 0)
            {
                SubRaw(r, _p, r);
            }
        }

        /// <summary>r = a − b mod p, for a, b &lt; p; r may alias a or b.</summary>
        private void Sub(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> r)
        {
            if (SubRaw(a, b, r) != 0)
            {
                AddRaw(r, _p, r);
            }
        }

        /// <summary>r = a + b over the limbs; returns the carry out.</summary>
        private static ulong AddRaw(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> r)
        {
            ulong carry = 0;
            for (var i = 0; i < r.Length; i++)
            {
                var s = a[i] + b[i];
                var c1 = s < a[i] ? 1UL : 0UL;
                var s2 = s + carry;
                carry = c1 | (s2 < s ? 1UL : 0UL);
                r[i] = s2;
            }

            return carry;
        }

        private static ulong SubRaw(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> r)
        {
            ulong borrow = 0;
            for (var i = 0; i < r.Length; i++)
            {
                var d = a[i] - b[i];
                var b1 = a[i] < b[i] ? 1UL : 0UL;
                var d2 = d - borrow;
                borrow = b1 | (d < borrow ? 1UL : 0UL);
                r[i] = d2;
            }

            return borrow;
        }

        private static int Compare(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
        {
            for (var i = a.Length - 1; i >= 0; i--)
            {
                if (a[i] != b[i])
                {
                    return a[i] < b[i] ? -1 : 1;
                }
            }

            return 0;
        }

        private static (byte[] Template, int PointOffset) BuildCertificateTemplate(string curveOid, int size)
        {
            const string EcdsaWithSha384 = "1.2.840.10045.4.3.3";
            var marker = new byte[size + 1];
            marker.AsSpan().Fill(0xA5);
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteInteger(1);
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(EcdsaWithSha384);
                    }

                    using (writer.PushSequence())
                    {
                        // empty issuer
                    }

                    using (writer.PushSequence())
                    {
                        writer.WriteUtcTime(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
                        writer.WriteUtcTime(new DateTimeOffset(2049, 1, 1, 0, 0, 0, TimeSpan.Zero));
                    }

                    using (writer.PushSequence())
                    {
                        // empty subject
                    }

                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier("1.2.840.10045.2.1");
                            writer.WriteObjectIdentifier(curveOid);
                        }

                        writer.WriteBitString(marker);
                    }
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(EcdsaWithSha384);
                }

                writer.WriteBitString([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]);
            }

            var template = writer.Encode();
            var offset = template.AsSpan().IndexOf(marker);
            return (template, offset);
        }

        private static ulong[] Limbs(BigInteger value, int n)
        {
            var bytes = new byte[n * 8];
            value.TryWriteBytes(bytes.AsSpan(bytes.Length - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
            var limbs = new ulong[n];
            for (var i = 0; i < n; i++)
            {
                limbs[i] = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan((n - 1 - i) * 8, 8));
            }

            return limbs;
        }
    }
}
