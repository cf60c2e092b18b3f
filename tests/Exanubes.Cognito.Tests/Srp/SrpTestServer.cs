using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Exanubes.Cognito.Tests.Srp;

/// <summary>
/// The server side of Cognito's SRP-6a variant, written for the tests independently of the production client: its own
/// group constants, a hex-string padding rule (the JS clients' <c>padHex</c>) instead of two's-complement bytes, and the
/// framework's RFC 5869 <see cref="HKDF"/> instead of hand-written HMAC steps. It stores the verifier
/// <c>v = g^x</c>, answers with <c>B = k*v + g^b</c>, and checks a PASSWORD_CLAIM_SIGNATURE with
/// <c>S = (A * v^u)^b</c>, as Cognito does.
/// </summary>
internal sealed class SrpTestServer
{
    internal static readonly BigInteger N = BigInteger.Parse(
        "0" +
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
        NumberStyles.AllowHexSpecifier,
        CultureInfo.InvariantCulture);

    internal static readonly BigInteger G = 2;

    internal static readonly BigInteger K = HashToInt(PadHex(N) + PadHex(G));

    private readonly string _poolName;
    private readonly string _userIdForSrp;
    private readonly BigInteger _salt;
    private readonly BigInteger _verifier;

    /// <summary>Registers a user: stores the salt and the verifier, never the password.</summary>
    public SrpTestServer(string userPoolId, string userIdForSrp, string password, byte[] salt)
    {
        _poolName = userPoolId.Split('_')[1];
        _userIdForSrp = userIdForSrp;
        _salt = new BigInteger(salt, isUnsigned: true, isBigEndian: true);
        _verifier = BigInteger.ModPow(G, X(_poolName, userIdForSrp, password, _salt), N);
    }

    /// <summary>The stored verifier v = g^x mod N (what ConfirmDevice registers for a device).</summary>
    public BigInteger Verifier => _verifier;

    /// <summary>The salt as the hex Cognito sends in SALT.</summary>
    public string SaltHex => ToHex(_salt);

    /// <summary>B = (k*v + g^b) mod N for the server's private value b.</summary>
    public BigInteger ComputeB(BigInteger b) => ((K * _verifier) + BigInteger.ModPow(G, b, N)) % N;

    /// <summary>The server's S = (A * v^u)^b mod N.</summary>
    public BigInteger ComputeS(BigInteger a, BigInteger b, BigInteger bigB)
    {
        var u = HashToInt(PadHex(a) + PadHex(bigB));
        return BigInteger.ModPow(a * BigInteger.ModPow(_verifier, u, N) % N, b, N);
    }

    /// <summary>The scrambler u = H(PAD(A) | PAD(B)).</summary>
    public static BigInteger ComputeU(BigInteger a, BigInteger bigB) => HashToInt(PadHex(a) + PadHex(bigB));

    /// <summary>The signature Cognito expects for this handshake.</summary>
    public string ExpectedSignature(BigInteger a, BigInteger b, byte[] secretBlock, string timestamp)
    {
        var bigB = ComputeB(b);
        var s = ComputeS(a, b, bigB);
        var u = ComputeU(a, bigB);
        var key = HKDF.DeriveKey(
            HashAlgorithmName.SHA256,
            ikm: Convert.FromHexString(PadHex(s)),
            outputLength: 16,
            salt: Convert.FromHexString(PadHex(u)),
            info: Encoding.UTF8.GetBytes("Caldera Derived Key"));
        var message = Encoding.UTF8.GetBytes(_poolName + _userIdForSrp).Concat(secretBlock).Concat(Encoding.UTF8.GetBytes(timestamp)).ToArray();
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    /// <summary>Whether a client's signature proves knowledge of the password (constant-time compare).</summary>
    public bool Verify(BigInteger a, BigInteger b, byte[] secretBlock, string timestamp, string signatureBase64)
    {
        if ((a % N).IsZero)
        {
            return false;
        }

        var expected = Convert.FromBase64String(ExpectedSignature(a, b, secretBlock, timestamp));
        byte[] actual;
        try
        {
            actual = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>
    /// The JS clients' padHex for a non-negative integer: hex of the value, a leading "0" when the length is odd, then
    /// a leading "00" when the first nibble is 8 or more.
    /// </summary>
    public static string PadHex(BigInteger value)
    {
        var hex = ToHex(value);
        if (hex.Length % 2 != 0)
        {
            hex = "0" + hex;
        }

        if ("89abcdef".Contains(hex[0], StringComparison.Ordinal))
        {
            hex = "00" + hex;
        }

        return hex;
    }

    /// <summary>Minimal lower-case hex (no leading zeros; "0" for zero).</summary>
    public static string ToHex(BigInteger value)
    {
        // BigInteger's "x" format is two's complement: it may start with a sign nibble 0; strip every leading zero.
        var hex = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        return hex.Length == 0 ? "0" : hex;
    }

    /// <summary>Parses hex as an unsigned integer.</summary>
    public static BigInteger ParseHex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static BigInteger X(string poolName, string userIdForSrp, string password, BigInteger salt)
    {
        var inner = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{poolName}{userIdForSrp}:{password}")));
        return HashToInt(PadHex(salt) + inner);
    }

    private static BigInteger HashToInt(string hex) => ParseHex(Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(hex))));
}
