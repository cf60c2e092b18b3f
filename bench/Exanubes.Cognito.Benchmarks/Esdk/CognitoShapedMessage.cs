using System.Buffers.Binary;
using System.Security.Cryptography;
using Exanubes.EncryptionSdk;

namespace Exanubes.Cognito.Benchmarks.Esdk;

/// <summary>
/// A message shaped like the <c>code</c> Cognito sends a Custom Email Sender (v1, suite 0x0378, context with
/// <c>aws-crypto-public-key</c> and <c>userpool-id</c>, one EDK, frame length 4096, one final frame with a 6-byte code,
/// DER ECDSA P-384 signature), wrapped with a raw AES key instead of KMS so no network is involved. The offsets of each
/// part are kept so the floor can run the same primitives directly.
/// </summary>
internal sealed class CognitoShapedMessage
{
    public const string KeyNamespace = "bench";
    public const string KeyName = "cognito-aes";

    private static ReadOnlySpan<byte> FinalFrameString => "AWSKMSEncryptionClient Final Frame"u8;

    public required byte[] Message { get; init; }

    public required byte[] WrappingKey { get; init; }

    public required byte[] Code { get; init; }

    public required byte[] CanonicalContext { get; init; }

    public required string PublicKeyBase64 { get; init; }

    public required byte[] EdkIv { get; init; }

    public required byte[] EdkCiphertext { get; init; }

    public required byte[] HkdfInfo { get; init; }

    public required int HeaderBodyLength { get; init; }

    public required int HeaderIvOffset { get; init; }

    public required int FrameIvOffset { get; init; }

    public required byte[] FrameAad { get; init; }

    public required int BodyEnd { get; init; }

    public static CognitoShapedMessage Create()
    {
        var wrappingKey = RandomNumberGenerator.GetBytes(32);
        var code = "493817"u8.ToArray();
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var q = signer.ExportParameters(false).Q;
        var publicKey = Convert.ToBase64String([(byte)(2 | (q.Y![^1] & 1)), .. q.X!]);
        var context = new Dictionary<string, string>
        {
            ["aws-crypto-public-key"] = publicKey,
            ["userpool-id"] = "eu-west-1_AbCdEfGhI",
        };
        var canonical = EncryptionContextSerializer.Serialize(context);
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var messageId = RandomNumberGenerator.GetBytes(16);

        var edkIv = RandomNumberGenerator.GetBytes(12);
        var edkCiphertext = new byte[48];
        using (var wrap = new AesGcm(wrappingKey, 16))
        {
            wrap.Encrypt(edkIv, dataKey, edkCiphertext.AsSpan(0, 32), edkCiphertext.AsSpan(32), canonical);
        }

        var name = "cognito-aes"u8.ToArray();
        var info = new byte[name.Length + 20];
        name.CopyTo(info, 0);
        BinaryPrimitives.WriteUInt32BigEndian(info.AsSpan(name.Length), 128);
        BinaryPrimitives.WriteUInt32BigEndian(info.AsSpan(name.Length + 4), 12);
        edkIv.CopyTo(info, name.Length + 8);

        var m = new List<byte> { 0x01, 0x80, 0x03, 0x78 };
        m.AddRange(messageId);
        AddU16(m, canonical.Length);
        m.AddRange(canonical);
        AddU16(m, 1);
        AddU16(m, KeyNamespace.Length);
        m.AddRange(System.Text.Encoding.UTF8.GetBytes(KeyNamespace));
        AddU16(m, info.Length);
        m.AddRange(info);
        AddU16(m, edkCiphertext.Length);
        m.AddRange(edkCiphertext);
        m.AddRange(new byte[] { 0x02, 0, 0, 0, 0, 12, 0, 0, 0x10, 0x00 }); // framed, reserved, IV length, frame length 4096
        var headerBodyLength = m.Count;

        var hkdfInfo = new byte[18];
        hkdfInfo[0] = 0x03;
        hkdfInfo[1] = 0x78;
        messageId.CopyTo(hkdfInfo, 2);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA384, dataKey, 32, [], hkdfInfo);
        using var aes = new AesGcm(key, 16);
        var headerTag = new byte[16];
        aes.Encrypt(new byte[12], Array.Empty<byte>(), Array.Empty<byte>(), headerTag, m.ToArray());
        var headerIvOffset = m.Count;
        m.AddRange(new byte[12]);
        m.AddRange(headerTag);

        var frameAad = new List<byte>(messageId);
        frameAad.AddRange(FinalFrameString.ToArray());
        frameAad.AddRange(new byte[] { 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, (byte)code.Length });
        var frameIv = new byte[12];
        frameIv[11] = 1;
        var frameCiphertext = new byte[code.Length];
        var frameTag = new byte[16];
        aes.Encrypt(frameIv, code, frameCiphertext, frameTag, frameAad.ToArray());
        m.AddRange(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1 });
        var frameIvOffset = m.Count;
        m.AddRange(frameIv);
        m.AddRange(new byte[] { 0, 0, 0, (byte)code.Length });
        m.AddRange(frameCiphertext);
        m.AddRange(frameTag);
        var bodyEnd = m.Count;

        var signature = signer.SignData(m.ToArray(), HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence);
        AddU16(m, signature.Length);
        m.AddRange(signature);

        return new CognitoShapedMessage
        {
            Message = [.. m],
            WrappingKey = wrappingKey,
            Code = code,
            CanonicalContext = canonical,
            PublicKeyBase64 = publicKey,
            EdkIv = edkIv,
            EdkCiphertext = edkCiphertext,
            HkdfInfo = hkdfInfo,
            HeaderBodyLength = headerBodyLength,
            HeaderIvOffset = headerIvOffset,
            FrameIvOffset = frameIvOffset,
            FrameAad = [.. frameAad],
            BodyEnd = bodyEnd,
        };
    }

    private static void AddU16(List<byte> m, int value)
    {
        m.Add((byte)(value >> 8));
        m.Add((byte)value);
    }
}
