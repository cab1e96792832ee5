using System.Buffers.Binary;
using System.IO.Compression;
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

    /// <summary>How deeply objects may nest before reading stops: real data stays far below this, hostile data
    /// could otherwise recurse until the stack overflows.</summary>
    public const int MaxDepth = 128;

    /// <summary>Upper bound for what one gzip_packed may expand to (a decompression bomb fails at this size).</summary>
    public const int MaxUnpackedSize = 16 * 1024 * 1024;

    private readonly ReadOnlyMemory<byte> _data;
    private int _position;
    private int _depth;

    public TlReader(ReadOnlyMemory<byte> data) => _data = data;

    private TlReader(ReadOnlyMemory<byte> data, int depth)
    {
        _data = data;
        _depth = depth;
    }

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

    /// <summary>
    /// Reads a boxed object: the constructor id, then the body via <paramref name="readBody"/>. A gzip_packed in
    /// its place is unpacked (size-capped) and read instead; nesting deeper than <see cref="MaxDepth"/> fails.
    /// </summary>
    public T ReadObject<T>(Func<TlReader, uint, T> readBody)
    {
        ArgumentNullException.ThrowIfNull(readBody);
        var id = ReadUInt();
        if (id == TlConstructors.GzipPacked)
        {
            var inner = OpenGzipped();
            return inner.ReadObject(readBody);
        }

        Enter();
        var value = readBody(this, id);
        _depth--;
        return value;
    }

    /// <summary>Reads a bare (id-less) nested object, counting it towards the depth limit.</summary>
    public T ReadNested<T>(Func<TlReader, T> readBare)
    {
        ArgumentNullException.ThrowIfNull(readBare);
        Enter();
        var value = readBare(this);
        _depth--;
        return value;
    }

    /// <summary>Reads a value that may arrive wrapped in gzip_packed (method results such as Vector&lt;long&gt; or Bool).</summary>
    public T ReadMaybeGzipped<T>(Func<TlReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Remaining >= 4 && PeekUInt() == TlConstructors.GzipPacked)
        {
            ReadUInt();
            return read(OpenGzipped());
        }

        return read(this);
    }

    /// <summary>Reads a boxed vector (0x1cb5c415, count, elements).</summary>
    public List<T> ReadVector<T>(Func<TlReader, T> readElement)
    {
        ArgumentNullException.ThrowIfNull(readElement);
        var count = ReadVectorHeader();
        return ReadElements(count, readElement);
    }

    /// <summary>Reads a bare vector (count, elements).</summary>
    public List<T> ReadBareVector<T>(Func<TlReader, T> readElement)
    {
        ArgumentNullException.ThrowIfNull(readElement);
        var count = ReadCount();
        return ReadElements(count, readElement);
    }

    /// <summary>Unpacks the bytes of a gzip_packed whose id has been consumed; the result is capped in size.</summary>
    public static byte[] Gunzip(ReadOnlySpan<byte> packed, int maxSize = MaxUnpackedSize)
    {
        try
        {
            using var input = new MemoryStream(packed.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new TlException(FormattableString.Invariant($"gzip_packed expands beyond the {maxSize}-byte limit."));
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new TlException("gzip_packed holds invalid gzip data.", ex);
        }
    }

    private TlReader OpenGzipped()
    {
        Enter();
        return new TlReader(Gunzip(ReadBytesSpan()), _depth);
    }

    private List<T> ReadElements<T>(int count, Func<TlReader, T> readElement)
    {
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(readElement(this));
        }

        return list;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new TlException(FormattableString.Invariant($"TL objects nest deeper than {MaxDepth} levels."));
        }
    }

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
        // Every element of every vector in the schema takes at least four bytes, so a count above Remaining / 4
        // is a lie; rejecting it keeps the list's pre-sized backing array within a small multiple of the input.
        if (count < 0 || count > MaxCollectionCount || count > Remaining / 4)
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
