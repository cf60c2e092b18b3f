using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Exanubes.Cognito.Srp;
using Exanubes.Cognito.UserPools;

namespace Exanubes.Cognito.Tests.Srp;

public sealed class CognitoSrpClientTests
{
    private const string PoolId = "eu-west-1_Ab12Cd34E";
    private const string UserId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private const string Timestamp = "Sun Nov 29 06:05:09 UTC 2026";

    private static CognitoUserPoolId Pool(string id) => CognitoUserPoolId.Parse(id, "pool");

    [Theory]
    [InlineData("Correct-Horse-1!")]
    [InlineData("Pässwörd-ñ-日本-🔑")]
    [InlineData("")]
    public void ComputePasswordClaimSignature_RightPassword_ServerAccepts(string password)
    {
        var handshake = Handshake.Start(password);

        var signature = handshake.Client.ComputePasswordClaimSignature(
            UserId, password, handshake.BHex, handshake.Server.SaltHex, handshake.SecretBlockBase64, Timestamp);

        Assert.True(handshake.Verify(Timestamp, signature));
    }

    [Fact]
    public void ComputePasswordClaimSignature_WrongPassword_ServerRejects()
    {
        var handshake = Handshake.Start("Correct-Horse-1!");

        var signature = handshake.Client.ComputePasswordClaimSignature(
            UserId, "Correct-Horse-2!", handshake.BHex, handshake.Server.SaltHex, handshake.SecretBlockBase64, Timestamp);

        Assert.False(handshake.Verify(Timestamp, signature));
    }

    [Fact]
    public void ComputePasswordClaimSignature_OtherUserId_ServerRejects()
    {
        var handshake = Handshake.Start("Correct-Horse-1!");

        var signature = handshake.Client.ComputePasswordClaimSignature(
            UserId + "x", "Correct-Horse-1!", handshake.BHex, handshake.Server.SaltHex, handshake.SecretBlockBase64, Timestamp);

        Assert.False(handshake.Verify(Timestamp, signature));
    }

    [Fact]
    public void ComputePasswordClaimSignature_OtherPool_ServerRejects()
    {
        var handshake = Handshake.Start("Correct-Horse-1!");
        var client = new CognitoSrpClient(Pool("eu-west-1_Other"));
        var bHex = SrpTestServer.ToHex(handshake.Server.ComputeB(handshake.PrivateB));

        var signature = client.ComputePasswordClaimSignature(
            UserId, "Correct-Horse-1!", bHex, handshake.Server.SaltHex, handshake.SecretBlockBase64, Timestamp);

        Assert.False(handshake.Server.Verify(SrpTestServer.ParseHex(client.SrpAHex), handshake.PrivateB, handshake.SecretBlock, Timestamp, signature));
    }

    [Fact]
    public void ComputePasswordClaimSignature_TimestampChangedAfterSigning_ServerRejects()
    {
        var handshake = Handshake.Start("Correct-Horse-1!");

        var signature = handshake.Client.ComputePasswordClaimSignature(
            UserId, "Correct-Horse-1!", handshake.BHex, handshake.Server.SaltHex, handshake.SecretBlockBase64, Timestamp);

        Assert.False(handshake.Verify("Sun Nov 29 06:05:10 UTC 2026", signature));
    }

    [Fact]
    public void ComputePasswordClaimSignature_SaltAndBWithLeadingZerosOrOddLength_ParsedAsNumbers()
    {
        var handshake = Handshake.Start("Correct-Horse-1!");

        var signature = handshake.Client.ComputePasswordClaimSignature(
            UserId, "Correct-Horse-1!", "000" + handshake.BHex.ToUpperInvariant(), "0" + handshake.Server.SaltHex, handshake.SecretBlockBase64, Timestamp);

        Assert.True(handshake.Verify(Timestamp, signature));
    }

    [Fact]
    public void ComputePasswordClaimSignature_TwoClients_DrawDifferentA()
    {
        var first = new CognitoSrpClient(Pool(PoolId));
        var second = new CognitoSrpClient(Pool(PoolId));

        Assert.NotEqual(first.SrpAHex, second.SrpAHex);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("00")]
    [InlineData("N")]
    [InlineData("2N")]
    public void ComputePasswordClaimSignature_BZeroModN_Throws(string b)
    {
        var client = new CognitoSrpClient(Pool(PoolId));
        var bHex = b switch
        {
            "N" => SrpTestServer.ToHex(SrpTestServer.N),
            "2N" => SrpTestServer.ToHex(2 * SrpTestServer.N),
            _ => b,
        };

        var ex = Assert.Throws<CryptographicException>(() => client.ComputePasswordClaimSignature(
            UserId, "pw", bHex, "ab12", Convert.ToBase64String([1, 2, 3]), Timestamp));
        Assert.Contains("0 mod N", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xyz", "ab12", "AQID", "srpBHex")]
    [InlineData("ab12", "not hex", "AQID", "saltHex")]
    [InlineData("ab12", "ab12", "not base64!", "secretBlockBase64")]
    [InlineData("", "ab12", "AQID", "srpBHex")]
    public void ComputePasswordClaimSignature_MalformedChallenge_ThrowsArgumentException(string bHex, string saltHex, string secretBlock, string parameter)
    {
        var client = new CognitoSrpClient(Pool(PoolId));

        var ex = Assert.ThrowsAny<ArgumentException>(() => client.ComputePasswordClaimSignature(UserId, "pw", bHex, saltHex, secretBlock, Timestamp));
        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void SrpAHex_IsGToTheAModN_MinimalLowerCaseHex()
    {
        var a = BigInteger.Parse("0123456789abcdef0123456789abcdef", NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

        var client = new CognitoSrpClient(Pool(PoolId), a);

        Assert.Equal(SrpTestServer.ToHex(BigInteger.ModPow(2, a, SrpTestServer.N)), client.SrpAHex);
        Assert.Matches("^[1-9a-f][0-9a-f]*$", client.SrpAHex);
    }

    [Fact]
    public void Ctor_PrivateValueZero_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new CognitoSrpClient(Pool(PoolId), BigInteger.Zero));

    [Theory]
    [InlineData("2026-11-01T08:05:03Z", "Sun Nov 1 08:05:03 UTC 2026")]
    [InlineData("2026-11-29T23:59:59Z", "Sun Nov 29 23:59:59 UTC 2026")]
    [InlineData("2024-02-29T00:00:00Z", "Thu Feb 29 00:00:00 UTC 2024")]
    [InlineData("2026-03-03T10:05:07+01:00", "Tue Mar 3 09:05:07 UTC 2026")]
    [InlineData("2026-01-01T00:30:00+02:00", "Wed Dec 31 22:30:00 UTC 2025")]
    public void FormatTimestamp_AnyCulture_CognitoFormatInUtc(string instant, string expected)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "ar-SA", "ja-JP", "tr-TR" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.Equal(expected, CognitoSrpClient.FormatTimestamp(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    /// <summary>One SRP exchange: the server registered the user, the client sent A, the server chose b.</summary>
    private sealed record Handshake(CognitoSrpClient Client, SrpTestServer Server, BigInteger PrivateB, string BHex, byte[] SecretBlock)
    {
        public string SecretBlockBase64 => Convert.ToBase64String(SecretBlock);

        public static Handshake Start(string password)
        {
            var server = new SrpTestServer(PoolId, UserId, password, RandomNumberGenerator.GetBytes(16));
            var client = new CognitoSrpClient(Pool(PoolId));
            var b = new BigInteger(RandomNumberGenerator.GetBytes(128), isUnsigned: true, isBigEndian: true);
            return new Handshake(client, server, b, SrpTestServer.ToHex(server.ComputeB(b)), RandomNumberGenerator.GetBytes(1024));
        }

        public bool Verify(string timestamp, string signature)
            => Server.Verify(SrpTestServer.ParseHex(Client.SrpAHex), PrivateB, SecretBlock, timestamp, signature);
    }
}
