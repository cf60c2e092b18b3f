using System.Buffers.Binary;
using System.Numerics;

namespace Exanubes.EncryptionSdk;

/// <summary>Arithmetic modulo a NIST prime p ≡ 3 (mod 4), little-endian 64-bit limbs, Montgomery form (R = 2^(64n)).</summary>
internal sealed class NistPrimeField
{
    private readonly ulong[] _p;
    private readonly ulong[] _rSquared;
    private readonly ulong[] _bMont;
    private readonly ulong[] _sqrtExponent;
    private readonly ulong _n0;

    public NistPrimeField(string pHex, string bHex, string gxHex)
    {
        GeneratorX = Convert.FromHexString(gxHex);
        ModulusBytes = Convert.FromHexString(pHex);
        Size = GeneratorX.Length;

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

    public int Size { get; }

    public byte[] GeneratorX { get; }

    public byte[] ModulusBytes { get; }

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
