using System.Buffers.Binary;
using System.Text;

namespace Spectra.Telegram.Tl;

/// <summary>
/// Reads TL primitives from a buffer. Every length is checked against what is left (and against
/// <see cref="MaxCollectionCount"/> for vectors) before anything is allocated, so hostile input fails fast with a
/// <see cref="TlException"/> instead of exhausting memory.
/// </summary>
public sealed class TlReader
{
    /// <summary>Upper bound for a vector's element count; each element needs at least 4 bytes anyway.</summary>
    public const int MaxCollectionCount = 1 << 20;

    private readonly ReadOnlyMemory<byte> _data;
    private int _position;

    public TlReader(ReadOnlyMemory<byte> data) => _data = data;

    public int Position => _position;

    public int Remaining => _data.Length - _position;

    public ReadOnlyMemory<byte> Data => _data;

    public int ReadInt() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long ReadLong() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>Peeks the next constructor id without consuming it.</summary>
    public uint PeekUInt()
    {
        EnsureAvailable(4);
        return BinaryPrimitives.ReadUInt32LittleEndian(_data.Span.Slice(_position, 4));
    }

    public bool ReadBool()
    {
        var id = ReadUInt();
        return id switch
        {
            TlConstructors.BoolTrue => true,
            TlConstructors.BoolFalse => false,
            _ => throw new UnknownConstructorException(id, "Bool"),
        };
    }

    public byte[] ReadRaw(int count) => Take(count).ToArray();

    public ReadOnlySpan<byte> ReadRawSpan(int count) => Take(count);

    public byte[] ReadBytes() => ReadBytesSpan().ToArray();

    public ReadOnlySpan<byte> ReadBytesSpan()
    {
        int length = Take(1)[0];
        var header = 1;
        if (length == 254)
        {
            var b = Take(3);
            length = b[0] | (b[1] << 8) | (b[2] << 16);
            header = 4;
        }
        else if (length == 255)
        {
            throw new TlException(FormattableString.Invariant($"Invalid TL bytes length prefix 0xff at offset {_position - 1}."));
        }

        var value = Take(length);
        var padding = (4 - ((header + length) % 4)) % 4;
        Take(padding);
        return value;
    }

    public string ReadString()
    {
        try
        {
            return Encoding.UTF8.GetString(ReadBytesSpan());
        }
        catch (DecoderFallbackException ex)
        {
            throw new TlException("Invalid UTF-8 in a TL string.", ex);
        }
    }

    /// <summary>Reads a boxed vector header and returns the element count, bounded by what could possibly follow.</summary>
    public int ReadVectorHeader()
    {
        var id = ReadUInt();
        if (id != TlConstructors.Vector)
        {
            throw new TlException(FormattableString.Invariant($"Expected a vector (0x1cb5c415) but found 0x{id:x8} at offset {_position - 4}."));
        }

        return ReadCount();
    }

    /// <summary>Reads a bare vector's element count.</summary>
    public int ReadCount()
    {
        var count = ReadInt();
        if (count < 0 || count > MaxCollectionCount || count > Remaining)
        {
            throw new TlException(FormattableString.Invariant($"Implausible TL vector count {count} with {Remaining} bytes left."));
        }

        return count;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        EnsureAvailable(count);
        var span = _data.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    private void EnsureAvailable(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new TlException(FormattableString.Invariant($"TL data ends early: needed {count} bytes at offset {_position}, {Remaining} left."));
        }
    }
}
