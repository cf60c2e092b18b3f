using System.Buffers.Binary;

namespace Exanubes.EncryptionSdk;

/// <summary>
/// The complete structure of one message, parsed and bounds-checked before any cryptography or keyring call
/// (esdk-format.md §3, §5, §10). Nothing here is authenticated yet.
/// </summary>
internal sealed class ParsedMessage
{
    private const int IvLength = 12;
    private const int TagLength = 16;
    private const ulong MaxNonFramedLength = (1UL << 36) - 32;

    private ParsedMessage()
    {
    }

    public int Version { get; private set; }

    public AlgorithmSuiteId Suite { get; private set; }

    public int MessageIdOffset { get; private set; }

    public int MessageIdLength { get; private set; }

    public Dictionary<string, string> EncryptionContext { get; } = new(StringComparer.Ordinal);

    public List<EncryptedDataKey> EncryptedDataKeys { get; } = [];

    public bool Framed { get; private set; }

    public uint FrameLength { get; private set; }

    public int SuiteDataOffset { get; private set; }

    /// <summary>End of the header body: the header-auth AAD is [0, HeaderBodyLength).</summary>
    public int HeaderBodyLength { get; private set; }

    /// <summary>Offset of the header IV (v1), or -1 for v2 (implicit zero IV).</summary>
    public int HeaderIvOffset { get; private set; } = -1;

    public int HeaderTagOffset { get; private set; }

    public List<BodyPart> Parts { get; } = [];

    public int PlaintextLength { get; private set; }

    /// <summary>End of the signed bytes (header and body).</summary>
    public int BodyEnd { get; private set; }

    public int SignatureOffset { get; private set; }

    public int SignatureLength { get; private set; }

    public static ParsedMessage Parse(ReadOnlyMemory<byte> message, EncryptionSdkDecryptorOptions options)
    {
        var m = message.Span;
        var p = new ParsedMessage();
        var r = new MessageReader(m);
        if (m.IsEmpty)
        {
            throw Malformed("the message is empty");
        }

        var version = m[0];
        if (version is not (1 or 2))
        {
            if (LooksBase64(m))
            {
                throw Malformed("this input looks base64-encoded; decode `request.code` first (Convert.FromBase64String) and pass the bytes");
            }

            throw new EncryptionSdkUnsupportedException($"unsupported message format version 0x{version:X2}: only versions 1 and 2 exist");
        }

        r.Skip(1, "version");
        p.Version = version;
        if (version == 1 && r.ReadByte("message type") != 0x80)
        {
            throw Malformed("the message type of a version 1 header must be 0x80");
        }

        var suiteId = r.ReadUInt16("algorithm suite id");
        if (!AlgorithmSuites.IsKnown(suiteId))
        {
            throw new EncryptionSdkUnsupportedException($"unsupported algorithm suite 0x{suiteId:X4}: not one of the eleven AWS Encryption SDK suites");
        }

        p.Suite = (AlgorithmSuiteId)suiteId;
        if (AlgorithmSuites.MessageVersion(p.Suite) != version)
        {
            throw new EncryptionSdkUnsupportedException($"algorithm suite 0x{suiteId:X4} cannot appear in a version {version} header");
        }

        if (options.CommitmentPolicy == EncryptionSdkCommitmentPolicy.RequireEncryptRequireDecrypt && !AlgorithmSuites.IsCommitting(p.Suite))
        {
            throw new EncryptionSdkUnsupportedException(
                $"algorithm suite 0x{suiteId:X4} does not commit to its key, and the commitment policy RequireEncryptRequireDecrypt accepts only 0x0478 and 0x0578");
        }

        if (options.AllowedAlgorithmSuites is { } allowed && !allowed.Contains(p.Suite))
        {
            throw new EncryptionSdkUnsupportedException(
                $"algorithm suite 0x{suiteId:X4} is not in AllowedAlgorithmSuites ({string.Join(", ", allowed.Select(static a => $"0x{(ushort)a:X4}"))})");
        }

        p.MessageIdLength = version == 1 ? 16 : 32;
        p.MessageIdOffset = r.Position;
        r.Skip(p.MessageIdLength, "message id");

        var aadLength = r.ReadUInt16("encryption context length");
        var aad = r.Slice(aadLength, "encryption context");
        EncryptionContextSerializer.Parse(aad, p.EncryptionContext);

        var edkCount = r.ReadUInt16("encrypted data key count");
        if (edkCount == 0)
        {
            throw Malformed("the header lists no encrypted data key");
        }

        if (edkCount > options.MaxEncryptedDataKeys)
        {
            throw new EncryptionSdkLimitExceededException(
                $"the header lists {edkCount} encrypted data keys, more than MaxEncryptedDataKeys ({options.MaxEncryptedDataKeys})");
        }

        for (var i = 0; i < edkCount; i++)
        {
            var providerId = r.ReadUtf8(r.ReadUInt16("key provider id length"), "key provider id");
            var infoLength = r.ReadUInt16("key provider info length");
            var infoOffset = r.Position;
            r.Skip(infoLength, "key provider info");
            var ctLength = r.ReadUInt16("encrypted data key length");
            var ctOffset = r.Position;
            r.Skip(ctLength, "encrypted data key");
            p.EncryptedDataKeys.Add(new EncryptedDataKey(providerId, message.Slice(infoOffset, infoLength), message.Slice(ctOffset, ctLength)));
        }

        var contentType = r.ReadByte("content type");
        if (contentType is not (1 or 2))
        {
            throw Malformed($"unknown content type 0x{contentType:X2}: 1 (non-framed) or 2 (framed)");
        }

        p.Framed = contentType == 2;
        if (version == 1)
        {
            if (r.ReadUInt32("reserved field") != 0)
            {
                throw Malformed("the reserved field of a version 1 header must be zero");
            }

            if (r.ReadByte("IV length") != IvLength)
            {
                throw Malformed("the IV length of a version 1 header must be 12");
            }
        }

        p.FrameLength = r.ReadUInt32("frame length");
        if (p.Framed && p.FrameLength == 0)
        {
            throw Malformed("a framed message must declare a frame length greater than zero");
        }

        if (!p.Framed && p.FrameLength != 0)
        {
            throw Malformed("a non-framed message must declare a frame length of zero");
        }

        if (p.FrameLength > (uint)options.MaxFrameLength)
        {
            throw new EncryptionSdkLimitExceededException($"the frame length {p.FrameLength} exceeds MaxFrameLength ({options.MaxFrameLength})");
        }

        if (version == 2)
        {
            p.SuiteDataOffset = r.Position;
            r.Skip(32, "key commitment");
        }

        p.HeaderBodyLength = r.Position;
        if (version == 1)
        {
            p.HeaderIvOffset = r.Position;
            r.Skip(IvLength, "header IV");
        }

        p.HeaderTagOffset = r.Position;
        r.Skip(TagLength, "header authentication tag");

        if (p.Framed)
        {
            ParseFrames(ref r, p);
        }
        else
        {
            ParseSingleBlock(ref r, p);
        }

        p.BodyEnd = r.Position;
        if (AlgorithmSuites.IsSigning(p.Suite))
        {
            var signatureLength = r.ReadUInt16("signature length");
            if (signatureLength == 0)
            {
                throw Malformed("the signature is empty");
            }

            p.SignatureOffset = r.Position;
            p.SignatureLength = signatureLength;
            r.Skip(signatureLength, "signature");
        }

        if (r.Remaining != 0)
        {
            throw Malformed($"{r.Remaining} trailing byte(s) after the end of the message");
        }

        return p;
    }

    private static void ParseFrames(ref MessageReader r, ParsedMessage p)
    {
        var frameLength = (int)p.FrameLength;
        uint expected = 1;
        long total = 0;
        while (true)
        {
            var sequence = r.ReadUInt32("frame sequence number");
            if (sequence != uint.MaxValue)
            {
                if (sequence != expected)
                {
                    throw Malformed($"frame {sequence} is out of order: expected frame {expected}");
                }

                var iv = r.Position;
                r.Skip(IvLength, "frame IV");
                var ct = r.Position;
                r.Skip(frameLength, "frame content");
                var tag = r.Position;
                r.Skip(TagLength, "frame authentication tag");
                p.Parts.Add(new BodyPart(sequence, false, iv, ct, frameLength, tag));
                total += frameLength;
                if (expected == uint.MaxValue - 1)
                {
                    throw Malformed("too many frames");
                }

                expected++;
                continue;
            }

            var finalSequence = r.ReadUInt32("final frame sequence number");
            if (finalSequence != expected)
            {
                throw Malformed($"the final frame has sequence number {finalSequence}, expected {expected}");
            }

            var finalIv = r.Position;
            r.Skip(IvLength, "final frame IV");
            var length = r.ReadUInt32("final frame content length");
            if (length > p.FrameLength)
            {
                throw Malformed($"the final frame's content length {length} exceeds the frame length {p.FrameLength}");
            }

            var finalCt = r.Position;
            r.Skip((int)length, "final frame content");
            var finalTag = r.Position;
            r.Skip(TagLength, "final frame authentication tag");
            p.Parts.Add(new BodyPart(finalSequence, true, finalIv, finalCt, (int)length, finalTag));
            total += length;
            break;
        }

        p.PlaintextLength = checked((int)total);
    }

    private static void ParseSingleBlock(ref MessageReader r, ParsedMessage p)
    {
        var iv = r.Position;
        r.Skip(IvLength, "body IV");
        var length = r.ReadUInt64("body content length");
        if (length > MaxNonFramedLength)
        {
            throw Malformed("the non-framed content length exceeds 2^36 - 32 bytes");
        }

        if (length > (ulong)r.Remaining)
        {
            throw Malformed("the message is truncated in the body content");
        }

        var ct = r.Position;
        r.Skip((int)length, "body content");
        var tag = r.Position;
        r.Skip(TagLength, "body authentication tag");
        p.Parts.Add(new BodyPart(1, true, iv, ct, (int)length, tag));
        p.PlaintextLength = (int)length;
    }

    internal static bool LooksBase64(ReadOnlySpan<byte> m)
    {
        var probe = m[..Math.Min(m.Length, 64)];
        if (probe.Length < 4)
        {
            return false;
        }

        foreach (var b in probe)
        {
            if (!(b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'/' or (byte)'=' or (byte)'-' or (byte)'_' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    internal static EncryptionSdkMalformedMessageException Malformed(string message) => new(message);
}
