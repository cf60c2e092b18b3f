using System.Buffers.Binary;
using System.Text;
using Exanubes.EncryptionSdk.Tests.Support;

namespace Exanubes.EncryptionSdk.Tests.Format;

/// <summary>
/// Hand-built headers that break one structural or policy rule each. These checks run before any keyring call, so the
/// messages need no valid cryptography: a keyring that finds nothing proves a message got past them.
/// </summary>
public sealed class ParsedMessageTests
{
    private const string PublicKey = "A2mOF5cOp1x7ecdsDHgb7bN6ThQ6yk7qHq5J8TVuVtXJKF/Q/rqx/W4Kq1RZmG4zRA=="; // 49 bytes, prefix 03

    private sealed class Spec
    {
        public int Version { get; set; } = 1;

        public ushort Suite { get; set; } = 0x0178;

        public List<(byte[] Key, byte[] Value)> Context { get; } = [];

        public byte[]? RawContext { get; set; }

        public int EdkCount { get; set; } = 1;

        public byte ContentType { get; set; } = 2;

        public uint FrameLength { get; set; } = 4096;

        public uint FinalSequence { get; set; } = 1;

        public ulong NonFramedLength { get; set; }

        public bool Signature { get; set; }

        public byte[] Trailing { get; set; } = [];

        public byte[] ProviderId { get; set; } = "none"u8.ToArray();

        public Spec With(string key, string value)
        {
            Context.Add((Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value)));
            return this;
        }
    }

    private static byte[] Build(Spec s)
    {
        var m = new List<byte> { (byte)s.Version };
        if (s.Version == 1)
        {
            m.Add(0x80);
        }

        U16(m, s.Suite);
        m.AddRange(new byte[s.Version == 1 ? 16 : 32]);
        var context = s.RawContext;
        if (context is null)
        {
            var c = new List<byte>();
            if (s.Context.Count > 0)
            {
                U16(c, s.Context.Count);
                foreach (var (key, value) in s.Context)
                {
                    U16(c, key.Length);
                    c.AddRange(key);
                    U16(c, value.Length);
                    c.AddRange(value);
                }
            }

            context = [.. c];
        }

        U16(m, context.Length);
        m.AddRange(context);
        U16(m, s.EdkCount);
        for (var i = 0; i < s.EdkCount; i++)
        {
            U16(m, s.ProviderId.Length);
            m.AddRange(s.ProviderId);
            U16(m, 1);
            m.Add(0);
            U16(m, 1);
            m.Add(0);
        }

        m.Add(s.ContentType);
        if (s.Version == 1)
        {
            m.AddRange(new byte[] { 0, 0, 0, 0, 12 });
        }

        U32(m, s.FrameLength);
        if (s.Version == 2)
        {
            m.AddRange(new byte[32]);
        }

        m.AddRange(new byte[s.Version == 1 ? 28 : 16]);
        if (s.ContentType == 1)
        {
            m.AddRange(new byte[12]);
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, s.NonFramedLength);
            m.AddRange(length);
            m.AddRange(new byte[(int)Math.Min(s.NonFramedLength, 64) + 16]);
        }
        else
        {
            U32(m, uint.MaxValue);
            U32(m, s.FinalSequence);
            m.AddRange(new byte[12]);
            U32(m, 0);
            m.AddRange(new byte[16]);
        }

        if (s.Signature)
        {
            U16(m, 8);
            m.AddRange(new byte[] { 0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01 });
        }

        m.AddRange(s.Trailing);
        return [.. m];
    }

    private static void U16(List<byte> m, int v)
    {
        m.Add((byte)(v >> 8));
        m.Add((byte)v);
    }

    private static void U32(List<byte> m, uint v)
    {
        for (var i = 3; i >= 0; i--)
        {
            m.Add((byte)(v >> (8 * i)));
        }
    }

    private static Task<DecryptedMessage> Decrypt(Spec spec) =>
        new EncryptionSdkDecryptor(new StaticKeyring([])).DecryptAsync(Build(spec));

    private static Task<DecryptedMessage> DecryptWithNoKey(Spec spec) =>
        new EncryptionSdkDecryptor(new NoKeyring()).DecryptAsync(Build(spec));

    private sealed class NoKeyring : IKeyring
    {
        public Task<byte[]?> DecryptDataKeyAsync(KeyringDecryptionRequest request, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);
    }

    [Fact]
    public async Task Build_WellFormedHeader_ReachesTheKeyring()
    {
        await Assert.ThrowsAsync<EncryptionSdkNoMatchingDataKeyException>(() => DecryptWithNoKey(new Spec().With("userpool-id", "eu-west-1_x")));
        await Assert.ThrowsAsync<EncryptionSdkNoMatchingDataKeyException>(() => DecryptWithNoKey(new Spec { Version = 2, Suite = 0x0478 }));
        await Assert.ThrowsAsync<EncryptionSdkNoMatchingDataKeyException>(() => DecryptWithNoKey(new Spec { ContentType = 1, FrameLength = 0, NonFramedLength = 5 }));
        await Assert.ThrowsAsync<EncryptionSdkNoMatchingDataKeyException>(() => DecryptWithNoKey(new Spec { Suite = 0x0378, Signature = true }.With("aws-crypto-public-key", PublicKey)));
    }

    [Fact]
    public async Task Parse_LegacyEmptyContextForm_IsAccepted()
    {
        await Assert.ThrowsAsync<EncryptionSdkNoMatchingDataKeyException>(() => DecryptWithNoKey(new Spec { RawContext = [0, 0] }));
    }

    [Fact]
    public async Task DecryptAsync_HostileProviderIdAndContextValue_MessagesStayOneShortLine()
    {
        var hostile = "evil\r\n[ERROR] forged log line \u202e" + new string('x', 5000);
        var noMatch = await Assert.ThrowsAsync<EncryptionSdkNoMatchingDataKeyException>(() =>
            DecryptWithNoKey(new Spec { ProviderId = Encoding.UTF8.GetBytes(hostile), EdkCount = 3 }));
        var mismatch = await Assert.ThrowsAsync<EncryptionSdkEncryptionContextMismatchException>(() =>
            new EncryptionSdkDecryptor(new NoKeyring()).DecryptAsync(
                Build(new Spec().With("userpool-id", hostile)), new Dictionary<string, string> { ["userpool-id"] = "eu-west-1_a" }));

        foreach (var message in new[] { noMatch.Message, mismatch.Message })
        {
            Assert.DoesNotContain('\r', message);
            Assert.DoesNotContain('\n', message);
            Assert.DoesNotContain('\u202e', message);
            Assert.InRange(message.Length, 1, 600);
            Assert.Contains("evil??[ERROR] forged log line ?", message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> Broken() => new()
    {
        { "duplicate context key", nameof(EncryptionSdkMalformedMessageException) },
        { "invalid UTF-8 context key", nameof(EncryptionSdkMalformedMessageException) },
        { "zero pairs with content", nameof(EncryptionSdkMalformedMessageException) },
        { "context shorter than its length", nameof(EncryptionSdkMalformedMessageException) },
        { "non-signing suite with public key", nameof(EncryptionSdkEncryptionContextMismatchException) },
        { "signing suite without public key", nameof(EncryptionSdkEncryptionContextMismatchException) },
        { "public key not a point encoding", nameof(EncryptionSdkMalformedMessageException) },
        { "v2 suite in v1 header", nameof(EncryptionSdkUnsupportedException) },
        { "v1 suite in v2 header", nameof(EncryptionSdkUnsupportedException) },
        { "S3 encryption client suite 0x0070", nameof(EncryptionSdkUnsupportedException) },
        { "DB encryption SDK suite 0x6700", nameof(EncryptionSdkUnsupportedException) },
        { "phantom suite 0x0278", nameof(EncryptionSdkUnsupportedException) },
        { "framed with frame length 0", nameof(EncryptionSdkMalformedMessageException) },
        { "non-framed with frame length", nameof(EncryptionSdkMalformedMessageException) },
        { "content type 3", nameof(EncryptionSdkMalformedMessageException) },
        { "11 encrypted data keys", nameof(EncryptionSdkLimitExceededException) },
        { "non-framed length above 2^36 - 32", nameof(EncryptionSdkMalformedMessageException) },
        { "final frame numbered 2", nameof(EncryptionSdkMalformedMessageException) },
        { "trailing byte", nameof(EncryptionSdkMalformedMessageException) },
        { "signature on a non-signing suite", nameof(EncryptionSdkMalformedMessageException) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task DecryptAsync_BrokenHeader_ThrowsBeforeTheKeyring(string rule, string exception)
    {
        var spec = rule switch
        {
            "duplicate context key" => new Spec().With("a", "1").With("a", "2"),
            "invalid UTF-8 context key" => new Spec { RawContext = [0, 1, 0, 1, 0xFF, 0, 1, (byte)'v'] },
            "zero pairs with content" => new Spec { RawContext = [0, 0, 0, 1, (byte)'a', 0, 0] },
            "context shorter than its length" => new Spec { RawContext = [0, 1, 0, 1, (byte)'a', 0, 1, (byte)'v', 0] },
            "non-signing suite with public key" => new Spec().With("aws-crypto-public-key", PublicKey),
            "signing suite without public key" => new Spec { Suite = 0x0378, Signature = true }.With("userpool-id", "x"),
            "public key not a point encoding" => new Spec { Suite = 0x0378, Signature = true }.With("aws-crypto-public-key", "AAAA"),
            "v2 suite in v1 header" => new Spec { Suite = 0x0578 },
            "v1 suite in v2 header" => new Spec { Version = 2, Suite = 0x0378 },
            "S3 encryption client suite 0x0070" => new Spec { Suite = 0x0070 },
            "DB encryption SDK suite 0x6700" => new Spec { Suite = 0x6700 },
            "phantom suite 0x0278" => new Spec { Suite = 0x0278 },
            "framed with frame length 0" => new Spec { FrameLength = 0 },
            "non-framed with frame length" => new Spec { ContentType = 1, FrameLength = 4096 },
            "content type 3" => new Spec { ContentType = 3 },
            "11 encrypted data keys" => new Spec { EdkCount = 11 },
            "non-framed length above 2^36 - 32" => new Spec { ContentType = 1, FrameLength = 0, NonFramedLength = (1UL << 36) - 31 },
            "final frame numbered 2" => new Spec { FinalSequence = 2 },
            "trailing byte" => new Spec { Trailing = [0] },
            "signature on a non-signing suite" => new Spec { Signature = true },
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };

        var error = await Assert.ThrowsAnyAsync<EncryptionSdkException>(() => Decrypt(spec));

        Assert.Equal(exception, error.GetType().Name);
    }
}
