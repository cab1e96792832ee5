using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Spectra.Telegram.Tl;

/// <summary>
/// Writes TL primitives little-endian into a growable buffer. Bytes and strings use TL's length prefix (one byte
/// below 254, else 0xFE plus three bytes) and are padded to a multiple of four.
/// </summary>
public sealed class TlWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public TlWriter(int initialCapacity = 256) => _buffer = new ArrayBufferWriter<byte>(Math.Max(16, initialCapacity));

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void WriteInt(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteUInt(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteLong(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void WriteBool(bool value) => WriteUInt(value ? TlConstructors.BoolTrue : TlConstructors.BoolFalse);

    /// <summary>int128 / int256: raw bytes, written as they are (TL treats them as opaque little-endian blobs).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void WriteInt128(ReadOnlySpan<byte> value) => WriteFixed(value, 16, "int128");

    public void WriteInt256(ReadOnlySpan<byte> value) => WriteFixed(value, 32, "int256");

    /// <summary>Writes a boxed vector: 0x1cb5c415, the count, then each element.</summary>
    public void WriteVector<T>(IReadOnlyList<T> items, Action<TlWriter, T> writeElement)
    {
        ArgumentNullException.ThrowIfNull(items);
        WriteUInt(TlConstructors.Vector);
        WriteBareVector(items, writeElement);
    }

    /// <summary>Writes a bare vector: the count, then each element.</summary>
    public void WriteBareVector<T>(IReadOnlyList<T> items, Action<TlWriter, T> writeElement)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writeElement);
        WriteInt(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            writeElement(this, items[i]);
        }
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        int header;
        if (bytes.Length < 254)
        {
            _buffer.GetSpan(1)[0] = (byte)bytes.Length;
            _buffer.Advance(1);
            header = 1;
        }
        else
        {
            if (bytes.Length > 0xFFFFFF)
            {
                throw new TlException(FormattableString.Invariant($"TL bytes of {bytes.Length} bytes exceed the 16 MiB limit."));
            }

            var span = _buffer.GetSpan(4);
            span[0] = 254;
            span[1] = (byte)bytes.Length;
            span[2] = (byte)(bytes.Length >> 8);
            span[3] = (byte)(bytes.Length >> 16);
            _buffer.Advance(4);
            header = 4;
        }

        _buffer.Write(bytes);
        var padding = (4 - ((header + bytes.Length) % 4)) % 4;
        if (padding > 0)
        {
            _buffer.GetSpan(padding)[..padding].Clear();
            _buffer.Advance(padding);
        }
    }

    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, rented);
            WriteBytes(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes the boxed vector header (constructor 0x1cb5c415 and the count).</summary>
    public void WriteVectorHeader(int count)
    {
        WriteUInt(TlConstructors.Vector);
        WriteInt(count);
    }

    private void WriteFixed(ReadOnlySpan<byte> value, int size, string name)
    {
        if (value.Length != size)
        {
            throw new TlException(FormattableString.Invariant($"A TL {name} must be {size} bytes, got {value.Length}."));
        }

        WriteRaw(value);
    }
}
