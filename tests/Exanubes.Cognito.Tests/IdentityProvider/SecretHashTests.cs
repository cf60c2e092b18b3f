using System.Security.Cryptography;
using Exanubes.Cognito.IdentityProvider;

namespace Exanubes.Cognito.Tests.IdentityProvider;

/// <summary>
/// SECRET_HASH known answers computed independently: HMAC-SHA256 written from its RFC 2104 definition over plain
/// SHA-256 (itself checked against RFC 4231's vectors) and UTF-8 encoded by hand from code points.
/// </summary>
public sealed class SecretHashTests
{
    public static TheoryData<string, string, string> Inputs => new()
    {
        { "alice", "1example23456789", "secret" },
        { "alice@example.com", "7ijcbf0glj6md0klb7b8pkt4q9", "1a2b3c4d5e6f7g8h9i0jklmnopqrstuvwxyzABCDEFGHIJKLMN" },
        { "zoë.ñandú@example.com", "client", "s3cr3t" },
        { "用户名", "client", "秘密" },
        { "🙂 emoji-user", "client", "🔑 secret" },
        { "e\u0301", "client", "secret" },
        { "\u00e9", "client", "secret" },
        { "8c5b4a2e-6f1d-4c3b-9a8e-7d6c5b4a3f2e", "client", new string('k', 200) },
        { string.Empty, "client", "secret" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Compute_Inputs_EqualsIndependentHmac(string username, string clientId, string clientSecret)
    {
        var expected = Convert.ToBase64String(ReferenceHmacSha256(Utf8(clientSecret), Utf8(username + clientId)));

        Assert.Equal(expected, SecretHash.Compute(username, clientId, clientSecret));
    }

    [Fact]
    public void Compute_ComposedAndDecomposedAccent_Differ()
        => Assert.NotEqual(SecretHash.Compute("e\u0301", "c", "s"), SecretHash.Compute("\u00e9", "c", "s"));

    [Fact]
    public void Compute_UsernameAndClientIdSwapped_Differs()
        => Assert.NotEqual(SecretHash.Compute("alice", "client", "s"), SecretHash.Compute("client", "alice", "s"));

    [Fact]
    public void Compute_NullArgument_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SecretHash.Compute(null!, "c", "s"));
        Assert.Throws<ArgumentNullException>(() => SecretHash.Compute("u", null!, "s"));
        Assert.Throws<ArgumentNullException>(() => SecretHash.Compute("u", "c", null!));
    }

    [Theory]
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
    [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData(
        "aa*131",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")]
    public void ReferenceHmacSha256_Rfc4231Vectors_Match(string keyHex, string dataHex, string expectedHex)
    {
        // "aa*131" is RFC 4231 test case 6's key: 131 bytes of 0xaa, longer than a block.
        var key = keyHex == "aa*131" ? Enumerable.Repeat((byte)0xaa, 131).ToArray() : Convert.FromHexString(keyHex);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(ReferenceHmacSha256(key, Convert.FromHexString(dataHex))));
    }

    [Theory]
    [InlineData("A", "41")]
    [InlineData("é", "c3a9")]
    [InlineData("用", "e794a8")]
    [InlineData("🙂", "f09f9982")]
    public void Utf8_ByHand_MatchesKnownBytes(string text, string expectedHex)
        => Assert.Equal(expectedHex, Convert.ToHexStringLower(Utf8(text)));

    /// <summary>HMAC-SHA256 from RFC 2104: H((K ^ opad) | H((K ^ ipad) | m)), with K hashed when longer than a block.</summary>
    private static byte[] ReferenceHmacSha256(byte[] key, byte[] message)
    {
        const int blockSize = 64;
        if (key.Length > blockSize)
        {
            key = SHA256.HashData(key);
        }

        var padded = new byte[blockSize];
        key.CopyTo(padded, 0);
        var inner = padded.Select(b => (byte)(b ^ 0x36)).Concat(message).ToArray();
        var outer = padded.Select(b => (byte)(b ^ 0x5c)).Concat(SHA256.HashData(inner)).ToArray();
        return SHA256.HashData(outer);
    }

    /// <summary>UTF-8 by hand from the string's code points (well-formed input only).</summary>
    private static byte[] Utf8(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]))
            {
                cp = 0x10000 + ((text[i] - 0xD800) << 10) + (text[++i] - 0xDC00);
            }

            if (cp < 0x80)
            {
                bytes.Add((byte)cp);
            }
            else if (cp < 0x800)
            {
                bytes.Add((byte)(0xC0 | (cp >> 6)));
                bytes.Add((byte)(0x80 | (cp & 0x3F)));
            }
            else if (cp < 0x10000)
            {
                bytes.Add((byte)(0xE0 | (cp >> 12)));
                bytes.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (cp & 0x3F)));
            }
            else
            {
                bytes.Add((byte)(0xF0 | (cp >> 18)));
                bytes.Add((byte)(0x80 | ((cp >> 12) & 0x3F)));
                bytes.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (cp & 0x3F)));
            }
        }

        return [.. bytes];
    }
}
