using System.Buffers.Binary;
using System.Text;

namespace Exanubes.EncryptionSdk;

/// <summary>A span cursor that fails with <see cref="EncryptionSdkMalformedMessageException"/> on any overrun.</summary>
internal ref struct MessageReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public byte ReadByte(string field) => Slice(1, field)[0];

    public ushort ReadUInt16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Slice(2, field));

    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Slice(4, field));

    public ulong ReadUInt64(string field) => BinaryPrimitives.ReadUInt64BigEndian(Slice(8, field));

    public void Skip(int length, string field) => Slice(length, field);

    /// <summary>Reads <paramref name="length"/> bytes of strict UTF-8.</summary>
    public string ReadUtf8(int length, string field)
    {
        var bytes = Slice(length, field);
        try
        {
            return EncryptionContextSerializer.Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new EncryptionSdkMalformedMessageException($"the {field} is not valid UTF-8");
        }
    }

    public ReadOnlySpan<byte> Slice(int length, string field)
    {
        if (length < 0 || length > Remaining)
        {
            throw new EncryptionSdkMalformedMessageException($"the message is truncated in the {field}");
        }

        var slice = _data.Slice(Position, length);
        Position += length;
        return slice;
    }
}
