using System.Buffers.Binary;
using System.Text;

namespace Stateright.Distributed.Binary;

/// <summary>The bytes a state is written to: little-endian fixed-size values, unsigned LEB128 lengths, UTF-8 strings.</summary>
internal sealed class WireWriter
{
    private byte[] _buffer = new byte[256];
    private int _length;

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void Byte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void VarUInt(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }

    /// <summary>A signed value, zig-zag encoded so that small negatives stay small.</summary>
    public void VarInt(long value) => VarUInt((ulong)((value << 1) ^ (value >> 63)));

    public void UInt64(ulong value)
    {
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void String(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        VarUInt((ulong)count);
        Ensure(count);
        Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        _length += count;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_length + more, 2 * _buffer.Length));
    }
}

/// <summary>Reads what <see cref="WireWriter"/> writes; a payload that ends early throws <see cref="FormatException"/>.</summary>
internal ref struct WireReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _offset;

    public readonly bool AtEnd => _offset == _bytes.Length;

    public byte Byte()
    {
        Need(1);
        return _bytes[_offset++];
    }

    public ulong VarUInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new FormatException("A length or number in the state's bytes is too long.");
    }

    public long VarInt()
    {
        var raw = VarUInt();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public ulong UInt64()
    {
        Need(8);
        var value = BinaryPrimitives.ReadUInt64LittleEndian(_bytes[_offset..]);
        _offset += 8;
        return value;
    }

    public ReadOnlySpan<byte> Bytes(int count)
    {
        Need(count);
        var span = _bytes.Slice(_offset, count);
        _offset += count;
        return span;
    }

    public string String() => Encoding.UTF8.GetString(Bytes(Count()));

    /// <summary>A length, checked against what is left (each element takes at least a byte... or none, so only against int range).</summary>
    public int Count()
    {
        var count = VarUInt();
        if (count > int.MaxValue) throw new FormatException("A length in the state's bytes is out of range.");
        return (int)count;
    }

    private readonly void Need(int count)
    {
        if (_offset + count > _bytes.Length) throw new FormatException("The state's bytes end early.");
    }
}
