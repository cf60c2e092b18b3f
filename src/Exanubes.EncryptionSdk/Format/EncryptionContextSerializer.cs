using System.Buffers.Binary;
using System.Text;

namespace Exanubes.EncryptionSdk;

/// <summary>The canonical encryption-context serialization (esdk-format.md §3.3): count, then pairs sorted by UTF-8 key bytes.</summary>
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
}
