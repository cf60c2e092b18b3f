using System.Buffers.Binary;
using System.Text;

namespace Exanubes.EncryptionSdk;

/// <summary>The canonical encryption-context serialization (esdk-format.md §3.3): count, then pairs sorted by UTF-8 key bytes; and its strict parser.</summary>
internal static class EncryptionContextSerializer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static UTF8Encoding Utf8 => StrictUtf8;

    /// <summary>Serializes the pairs canonically; an empty context gives zero bytes.</summary>
    public static byte[] Serialize(IEnumerable<KeyValuePair<string, string>> context)
    {
        var pairs = new List<(byte[] Key, byte[] Value)>();
        foreach (var pair in context)
        {
            pairs.Add((StrictUtf8.GetBytes(pair.Key), StrictUtf8.GetBytes(pair.Value)));
        }

        if (pairs.Count == 0)
        {
            return [];
        }

        pairs.Sort(static (a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        var length = 2;
        foreach (var (key, value) in pairs)
        {
            length += 4 + key.Length + value.Length;
        }

        var output = new byte[length];
        var span = output.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, checked((ushort)pairs.Count));
        var offset = 2;
        foreach (var (key, value) in pairs)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[offset..], checked((ushort)key.Length));
            key.CopyTo(span[(offset + 2)..]);
            offset += 2 + key.Length;
            BinaryPrimitives.WriteUInt16BigEndian(span[offset..], checked((ushort)value.Length));
            value.CopyTo(span[(offset + 2)..]);
            offset += 2 + value.Length;
        }

        return output;
    }

    /// <summary>Parses a serialized encryption context into <paramref name="context"/>; rejects repeats, bad UTF-8 and length mismatches.</summary>
    public static void Parse(ReadOnlySpan<byte> aad, Dictionary<string, string> context)
    {
        if (aad.IsEmpty)
        {
            return;
        }

        var r = new MessageReader(aad);
        var count = r.ReadUInt16("encryption context pair count");
        if (count == 0)
        {
            if (aad.Length == 2)
            {
                return; // legacy non-canonical empty context (esdk-format.md §3.3)
            }

            throw ParsedMessage.Malformed("the encryption context declares zero pairs but has content");
        }

        for (var i = 0; i < count; i++)
        {
            var key = r.ReadUtf8(r.ReadUInt16("encryption context key length"), "encryption context key");
            var value = r.ReadUtf8(r.ReadUInt16("encryption context value length"), "encryption context value");
            if (!context.TryAdd(key, value))
            {
                throw ParsedMessage.Malformed("the encryption context repeats a key");
            }
        }

        if (r.Remaining != 0)
        {
            throw ParsedMessage.Malformed("the encryption context length does not match its pairs");
        }
    }
}
