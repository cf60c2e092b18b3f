using System.Numerics;
using Exanubes.Cognito.Tests.Srp;

namespace Exanubes.Cognito.IntegrationTests.Srp;

/// <summary>How the salt's leading byte is shaped, to hit the padding rules of the hashed salt.</summary>
internal enum SaltShape
{
    AsDrawn,
    TopBitSet,
    LeadingZeroByte,
    OddHexLength,
}

/// <summary>How SRP_B is written in the challenge (the number is the same).</summary>
internal enum BHexShape
{
    Minimal,
    LeadingZeros,
    UpperCase,
}

/// <summary>
/// One SRP known-answer input: everything derived deterministically from a seed, with the server side computed by
/// <see cref="SrpTestServer"/> so the test can tell which padding edge cases (A, B, u, S shorter than the modulus
/// or with the top bit set) the vector exercises.
/// </summary>
internal sealed record SrpVector(
    string Name,
    string PoolId,
    string Username,
    string UserIdForSrp,
    string Password,
    BigInteger PrivateA,
    BigInteger PrivateB,
    byte[] Salt,
    string SrpBHex,
    string SaltHex,
    byte[] SecretBlock,
    DateTimeOffset Now)
{
    private static readonly string[] Pools = ["us-east-1_AbCdEf123", "eu-west-1_z9Y8x7W6v", "ap-southeast-2_0", "us-gov-west-1_QQQQQQQQQ"];

    public override string ToString() => Name;

    public SrpTestServer Server => new(PoolId, UserIdForSrp, Password, Salt);

    /// <summary>The client's public value A = g^a mod N (computed by the test, not by the client under test).</summary>
    public BigInteger A { get; private init; }

    /// <summary>The server's public value B.</summary>
    public BigInteger B { get; private init; }

    /// <summary>The scrambler u = H(PAD(A) | PAD(B)).</summary>
    public BigInteger U { get; private init; }

    /// <summary>The shared premaster secret S, computed the server's way.</summary>
    public BigInteger S { get; private init; }

    public static SrpVector FromSeed(int seed, SaltShape saltShape = SaltShape.AsDrawn, BHexShape bShape = BHexShape.Minimal, bool unicode = false)
    {
        var rng = new Random(seed);
        var privateA = Positive(rng, 128);
        var privateB = Positive(rng, 128);
        var salt = Bytes(rng, 16);
        switch (saltShape)
        {
            case SaltShape.TopBitSet:
                salt[0] |= 0x80;
                break;
            case SaltShape.LeadingZeroByte:
                salt[0] = 0;
                salt[1] |= 0x80;
                break;
            case SaltShape.OddHexLength:
                salt[0] = (byte)((salt[0] & 0x0F) | 0x01);
                break;
            default:
                break;
        }

        var userId = new Guid(Bytes(rng, 16)).ToString();
        var username = unicode ? "zoë.ñandú+日本@example.com" : $"user{rng.Next(100000)}@example.com";
        var password = unicode ? $"Pässwörd-🔑-{rng.Next(1000)}" : $"P@ss-{Convert.ToHexString(Bytes(rng, 6))}";
        var pool = Pools[rng.Next(Pools.Length)];
        var secretBlock = Bytes(rng, rng.Next(64, 1600));
        var now = DateTimeOffset.FromUnixTimeSeconds(rng.NextInt64(1_577_836_800, 1_893_456_000));

        var server = new SrpTestServer(pool, userId, password, salt);
        var bigB = server.ComputeB(privateB);
        var bigA = BigInteger.ModPow(SrpTestServer.G, privateA, SrpTestServer.N);
        var bHex = SrpTestServer.ToHex(bigB);
        bHex = bShape switch
        {
            BHexShape.LeadingZeros => "000" + bHex,
            BHexShape.UpperCase => bHex.ToUpperInvariant(),
            _ => bHex,
        };

        var saltHex = SrpTestServer.ToHex(new BigInteger(salt, isUnsigned: true, isBigEndian: true));
        if (saltShape == SaltShape.LeadingZeroByte)
        {
            saltHex = "00" + saltHex;
        }

        var name = $"seed {seed}, salt {saltShape}, B {bShape}{(unicode ? ", unicode" : string.Empty)}";
        return new SrpVector(name, pool, username, userId, password, privateA, privateB, salt, bHex, saltHex, secretBlock, now)
        {
            A = bigA,
            B = bigB,
            U = SrpTestServer.ComputeU(bigA, bigB),
            S = server.ComputeS(bigA, privateB, bigB),
        };
    }

    /// <summary>True when the padded (hashed) form of the value is shorter than the modulus: a leading zero byte was dropped.</summary>
    public static bool IsShort(BigInteger value, int fullHexLength) => SrpTestServer.PadHex(value).Length < fullHexLength;

    /// <summary>True when the value's top bit is set, so its padded form gains a "00" byte.</summary>
    public static bool HasTopBitSet(BigInteger value) => SrpTestServer.PadHex(value).StartsWith("00", StringComparison.Ordinal) && value != 0;

    private static byte[] Bytes(Random rng, int count)
    {
        var bytes = new byte[count];
        rng.NextBytes(bytes);
        return bytes;
    }

    private static BigInteger Positive(Random rng, int bytes)
    {
        while (true)
        {
            var value = new BigInteger(Bytes(rng, bytes), isUnsigned: true, isBigEndian: true);
            if (value > 1)
            {
                return value;
            }
        }
    }
}
