using System.Buffers.Binary;
using System.Text;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// The subset of MessagePack the venue hashes (<c>hyperliquid-protocol.md</c> §1.1), byte-exact with the
/// reference encoders: integers in the smallest width (uint64 <c>0xcf</c> above 2³², signed widths for
/// negatives), fixstr/str8/str16/str32, fixmap/map16/map32, fixarray/array16/array32, bool, nil, bin.
/// Floats are deliberately absent. Not thread-safe; reuse with <see cref="Reset"/>.
/// </summary>
public sealed class MsgPackWriter
{
    private byte[] _buffer;
    private int _length;

    public MsgPackWriter(int initialCapacity = 256) => _buffer = new byte[Math.Max(16, initialCapacity)];

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public int Length => _length;

    public void Reset() => _length = 0;

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void WriteNil() => WriteByte(0xc0);

    public void WriteBool(bool value) => WriteByte(value ? (byte)0xc3 : (byte)0xc2);

    public void WriteMapHeader(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count <= 15)
        {
            WriteByte((byte)(0x80 | count));
        }
        else if (count <= ushort.MaxValue)
        {
            WriteByte(0xde);
            WriteUInt16((ushort)count);
        }
        else
        {
            WriteByte(0xdf);
            WriteUInt32((uint)count);
        }
    }

    public void WriteArrayHeader(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count <= 15)
        {
            WriteByte((byte)(0x90 | count));
        }
        else if (count <= ushort.MaxValue)
        {
            WriteByte(0xdc);
            WriteUInt16((ushort)count);
        }
        else
        {
            WriteByte(0xdd);
            WriteUInt32((uint)count);
        }
    }

    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteStringHeader(byteCount);
        var span = Reserve(byteCount);
        Encoding.UTF8.GetBytes(value, span);
    }

    /// <summary>Writes an already UTF-8 encoded string.</summary>
    public void WriteString(ReadOnlySpan<byte> utf8)
    {
        WriteStringHeader(utf8.Length);
        utf8.CopyTo(Reserve(utf8.Length));
    }

    public void WriteBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= byte.MaxValue)
        {
            WriteByte(0xc4);
            WriteByte((byte)bytes.Length);
        }
        else if (bytes.Length <= ushort.MaxValue)
        {
            WriteByte(0xc5);
            WriteUInt16((ushort)bytes.Length);
        }
        else
        {
            WriteByte(0xc6);
            WriteUInt32((uint)bytes.Length);
        }

        bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>A signed integer in the smallest form (non-negative values use the unsigned forms).</summary>
    public void WriteInteger(long value)
    {
        if (value >= 0)
        {
            WriteInteger((ulong)value);
        }
        else if (value >= -32)
        {
            WriteByte(unchecked((byte)(sbyte)value));
        }
        else if (value >= sbyte.MinValue)
        {
            WriteByte(0xd0);
            WriteByte(unchecked((byte)(sbyte)value));
        }
        else if (value >= short.MinValue)
        {
            WriteByte(0xd1);
            WriteUInt16(unchecked((ushort)(short)value));
        }
        else if (value >= int.MinValue)
        {
            WriteByte(0xd2);
            WriteUInt32(unchecked((uint)(int)value));
        }
        else
        {
            WriteByte(0xd3);
            BinaryPrimitives.WriteInt64BigEndian(Reserve(8), value);
        }
    }

    /// <summary>A non-negative integer in the smallest form.</summary>
    public void WriteInteger(ulong value)
    {
        if (value <= 0x7f)
        {
            WriteByte((byte)value);
        }
        else if (value <= byte.MaxValue)
        {
            WriteByte(0xcc);
            WriteByte((byte)value);
        }
        else if (value <= ushort.MaxValue)
        {
            WriteByte(0xcd);
            WriteUInt16((ushort)value);
        }
        else if (value <= uint.MaxValue)
        {
            WriteByte(0xce);
            WriteUInt32((uint)value);
        }
        else
        {
            WriteByte(0xcf);
            BinaryPrimitives.WriteUInt64BigEndian(Reserve(8), value);
        }
    }

    /// <summary>Appends raw bytes (used for the hash trailer after the msgpack body).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    public void WriteByte(byte value) => Reserve(1)[0] = value;

    private void WriteStringHeader(int byteCount)
    {
        if (byteCount <= 31)
        {
            WriteByte((byte)(0xa0 | byteCount));
        }
        else if (byteCount <= byte.MaxValue)
        {
            WriteByte(0xd9);
            WriteByte((byte)byteCount);
        }
        else if (byteCount <= ushort.MaxValue)
        {
            WriteByte(0xda);
            WriteUInt16((ushort)byteCount);
        }
        else
        {
            WriteByte(0xdb);
            WriteUInt32((uint)byteCount);
        }
    }

    private void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), value);

    private void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
