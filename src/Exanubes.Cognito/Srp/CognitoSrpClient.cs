using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Exanubes.Cognito.UserPools;

namespace Exanubes.Cognito.Srp;

/// <summary>
/// The client side of Cognito's USER_SRP_AUTH flow: Cognito's variant of SRP-6a over the 3072-bit group of RFC 5054
/// with SHA-256, an HKDF-style session key and an HMAC signature over the server's secret block.
/// </summary>
/// <remarks>
/// <para>
/// One instance serves one sign-in attempt: it draws the private value <c>a</c> once, exposes the public value
/// <c>A</c> (sent as <c>SRP_A</c> in InitiateAuth) and answers the PASSWORD_VERIFIER challenge with
/// <see cref="ComputePasswordClaimSignature"/>. The password never leaves the process; only the signature does.
/// </para>
/// <para>
/// Cognito hashes integers in the form of Java's <c>BigInteger.toByteArray()</c>: the minimal big-endian two's
/// complement bytes, so a positive value whose top bit is set gets a leading zero byte (<see cref="Pad"/>).
/// Getting that padding wrong makes a small, random fraction of sign-ins fail, which is why the known-answer tests
/// exercise it explicitly.
/// </para>
/// <para>
/// See https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html
/// and RFC 5054 (group parameters) / RFC 2945 (SRP).
/// </para>
/// </remarks>
internal sealed class CognitoSrpClient
{
    /// <summary>The RFC 5054 3072-bit group prime N, as Cognito uses it.</summary>
    internal const string NHex =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

    /// <summary>Size of the private value <c>a</c> in bytes (1024 bits, as the AWS clients draw it).</summary>
    private const int PrivateValueBytes = 128;

    private static readonly byte[] DerivedKeyInfo = Encoding.UTF8.GetBytes("Caldera Derived Key\u0001");

    /// <summary>The group prime N.</summary>
    internal static readonly BigInteger N = FromHex(NHex);

    /// <summary>The group generator g.</summary>
    internal static readonly BigInteger G = new(2);

    /// <summary>The SRP-6a multiplier k = H(PAD(N) | PAD(g)).</summary>
    internal static readonly BigInteger K = FromBytes(SHA256.HashData([.. Pad(N), .. Pad(G)]));

    private readonly string _poolName;
    private readonly BigInteger _a;
    private readonly BigInteger _bigA;

    /// <summary>Creates a client with a fresh random private value <c>a</c> for the given user pool.</summary>
    /// <param name="userPoolId">The parsed user pool id; SRP hashes its pool name (the part after the underscore).</param>
    public CognitoSrpClient(CognitoUserPoolId userPoolId)
        : this(userPoolId, RandomPrivateValue())
    {
    }

    /// <summary>Creates a client with a fixed private value <c>a</c> (tests and known-answer vectors only).</summary>
    /// <exception cref="ArgumentException"><c>a</c> yields a degenerate A.</exception>
    internal CognitoSrpClient(CognitoUserPoolId userPoolId, BigInteger privateA)
        : this(privateA, (userPoolId ?? throw new ArgumentNullException(nameof(userPoolId))).PoolName)
    {
    }

    /// <summary>
    /// Creates a client whose SRP identity is prefixed with <paramref name="identityPrefix"/> instead of the pool name:
    /// device authentication uses the device group key there (see <see cref="CognitoDeviceSrp"/>).
    /// </summary>
    private CognitoSrpClient(BigInteger privateA, string identityPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityPrefix);
        _poolName = identityPrefix;
        if (privateA.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(privateA), "The SRP private value must be positive.");
        }

        _a = privateA;
        _bigA = BigInteger.ModPow(G, _a, N);
        if (_bigA.IsZero || _bigA.IsOne)
        {
            throw new ArgumentException("The SRP private value yields a degenerate public value A.", nameof(privateA));
        }

        SrpAHex = ToHex(_bigA);
    }

    /// <summary>
    /// Creates the client for device authentication (DEVICE_SRP_AUTH, then DEVICE_PASSWORD_VERIFIER): the same SRP with
    /// the device group key in place of the pool name, the device key as the user id and the device password as the
    /// password.
    /// </summary>
    /// <param name="deviceGroupKey">The device group key from <c>NewDeviceMetadata</c>.</param>
    /// <param name="privateA">A fixed private value (tests only); a fresh random one when <see langword="null"/>.</param>
    /// <returns>The client.</returns>
    internal static CognitoSrpClient ForDevice(string deviceGroupKey, BigInteger? privateA = null)
        => new(privateA ?? RandomPrivateValue(), deviceGroupKey);

    /// <summary>The public value A as minimal lower-case hex (no leading zeros), sent as <c>SRP_A</c>.</summary>
    public string SrpAHex { get; }

    /// <summary>
    /// Formats a time the way Cognito expects in the <c>TIMESTAMP</c> challenge response:
    /// <c>ddd MMM d HH:mm:ss UTC yyyy</c> in UTC, English names, day without a leading zero
    /// (for example <c>Tue Mar 3 09:05:07 UTC 2026</c>).
    /// </summary>
    public static string FormatTimestamp(DateTimeOffset utcNow)
        => utcNow.ToUniversalTime().ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Computes <c>PASSWORD_CLAIM_SIGNATURE</c> for Cognito's PASSWORD_VERIFIER challenge.
    /// </summary>
    /// <param name="userIdForSrp">The challenge's <c>USER_ID_FOR_SRP</c> (the internal username, not the alias typed).</param>
    /// <param name="password">The user's password.</param>
    /// <param name="srpBHex">The challenge's <c>SRP_B</c> (hex).</param>
    /// <param name="saltHex">The challenge's <c>SALT</c> (hex).</param>
    /// <param name="secretBlockBase64">The challenge's <c>SECRET_BLOCK</c> (base64), echoed back as <c>PASSWORD_CLAIM_SECRET_BLOCK</c>.</param>
    /// <param name="timestamp">The <c>TIMESTAMP</c> sent with the answer, from <see cref="FormatTimestamp"/>.</param>
    /// <returns>The base64 HMAC-SHA256 signature.</returns>
    /// <exception cref="ArgumentException">An argument is empty or not valid hex/base64.</exception>
    /// <exception cref="CryptographicException">The server's B is 0 mod N or the scrambler u is 0 (an attack or a broken server).</exception>
    public string ComputePasswordClaimSignature(string userIdForSrp, string password, string srpBHex, string saltHex, string secretBlockBase64, string timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(userIdForSrp);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentException.ThrowIfNullOrEmpty(srpBHex);
        ArgumentException.ThrowIfNullOrEmpty(saltHex);
        ArgumentException.ThrowIfNullOrEmpty(secretBlockBase64);
        ArgumentException.ThrowIfNullOrEmpty(timestamp);

        var b = ParseHex(srpBHex, nameof(srpBHex));
        if ((b % N).IsZero)
        {
            throw new CryptographicException("SRP: the server's public value B is 0 mod N; refusing to continue.");
        }

        var salt = ParseHex(saltHex, nameof(saltHex));
        byte[] secretBlock;
        try
        {
            secretBlock = Convert.FromBase64String(secretBlockBase64);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("SECRET_BLOCK is not valid base64.", nameof(secretBlockBase64), ex);
        }

        var u = ComputeU(_bigA, b);
        if (u.IsZero)
        {
            throw new CryptographicException("SRP: the scrambling parameter u is 0; refusing to continue.");
        }

        var x = ComputeX(_poolName, userIdForSrp, password, salt);

        // S = (B - k * g^x) ^ (a + u * x) mod N, with the base brought into [0, N).
        var baseValue = (b - (K * BigInteger.ModPow(G, x, N))) % N;
        if (baseValue.Sign < 0)
        {
            baseValue += N;
        }

        var s = BigInteger.ModPow(baseValue, _a + (u * x), N);

        var key = DeriveKey(Pad(s), Pad(u));
        try
        {
            // HMAC over poolName | USER_ID_FOR_SRP | SECRET_BLOCK (decoded) | TIMESTAMP.
            byte[] message = [.. Encoding.UTF8.GetBytes(_poolName), .. Encoding.UTF8.GetBytes(userIdForSrp), .. secretBlock, .. Encoding.UTF8.GetBytes(timestamp)];
            return Convert.ToBase64String(HMACSHA256.HashData(key, message));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>u = H(PAD(A) | PAD(B)).</summary>
    internal static BigInteger ComputeU(BigInteger a, BigInteger b) => FromBytes(SHA256.HashData([.. Pad(a), .. Pad(b)]));

    /// <summary>x = H(PAD(salt) | H(poolName | userId | ":" | password)).</summary>
    internal static BigInteger ComputeX(string poolName, string userIdForSrp, string password, BigInteger salt)
    {
        var identity = Encoding.UTF8.GetBytes(poolName + userIdForSrp + ":" + password);
        try
        {
            var identityHash = SHA256.HashData(identity);
            return FromBytes(SHA256.HashData([.. Pad(salt), .. identityHash]));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(identity);
        }
    }

    /// <summary>The 16-byte key: HKDF-SHA256 (one block) with salt PAD(u), input PAD(S) and info "Caldera Derived Key".</summary>
    internal static byte[] DeriveKey(byte[] paddedS, byte[] paddedU)
    {
        var prk = HMACSHA256.HashData(paddedU, paddedS);
        var okm = HMACSHA256.HashData(prk, DerivedKeyInfo);
        CryptographicOperations.ZeroMemory(prk);
        var key = okm.AsSpan(0, 16).ToArray();
        CryptographicOperations.ZeroMemory(okm);
        return key;
    }

    /// <summary>
    /// The bytes Cognito hashes for a non-negative integer: minimal big-endian two's complement, i.e. a leading zero
    /// byte when the top bit is set (Java's <c>toByteArray()</c>; the JS clients' <c>padHex</c>). Zero is one zero byte.
    /// </summary>
    internal static byte[] Pad(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "SRP values are non-negative.");
        }

        return value.ToByteArray(isUnsigned: false, isBigEndian: true);
    }

    /// <summary>Minimal lower-case hex of a positive integer, no leading zeros (as the JS clients send SRP_A).</summary>
    internal static string ToHex(BigInteger value)
    {
        var hex = Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
        return hex.Length == 0 ? "0" : hex;
    }

    /// <summary>Parses unsigned big-endian hex of any length (odd lengths and leading zeros allowed).</summary>
    internal static BigInteger FromHex(string hex) => FromBytes(Convert.FromHexString(hex.Length % 2 == 0 ? hex : "0" + hex));

    private static BigInteger ParseHex(string hex, string paramName)
    {
        try
        {
            return FromHex(hex);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"{paramName} is not valid hex.", paramName, ex);
        }
    }

    private static BigInteger FromBytes(ReadOnlySpan<byte> bigEndianUnsigned) => new(bigEndianUnsigned, isUnsigned: true, isBigEndian: true);

    private static BigInteger RandomPrivateValue()
    {
        Span<byte> bytes = stackalloc byte[PrivateValueBytes];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            var a = FromBytes(bytes);
            CryptographicOperations.ZeroMemory(bytes);

            // a < 2^1024 < N; reject the (astronomically unlikely) values that give a degenerate A.
            if (a > BigInteger.One)
            {
                return a;
            }
        }
    }
}
