using System.IO.Compression;

namespace Spectra.Telegram.Tl.Mtproto;

/// <summary>
/// gzip_packed#3072cfa1 packed_data:bytes, which may stand in for any boxed object. Readers unpack it
/// transparently (<see cref="TlReader.ReadObject{T}"/>); this class is for the sending side.
/// </summary>
public sealed class GzipPacked : TlObject
{
    public const uint TlConstructorId = TlConstructors.GzipPacked;

    public override uint ConstructorId => TlConstructorId;

    public byte[] PackedData { get; set; } = Array.Empty<byte>();

    /// <summary>Wraps the serialization of <paramref name="inner"/> (boxed) in a gzip_packed.</summary>
    public static GzipPacked Pack(TlObject inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return Pack(inner.ToBytes());
    }

    public static GzipPacked Pack(ReadOnlySpan<byte> boxed)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(boxed);
        }

        return new GzipPacked { PackedData = output.ToArray() };
    }

    /// <summary>The unpacked boxed object, capped at <see cref="TlReader.MaxUnpackedSize"/>.</summary>
    public byte[] Unpack() => TlReader.Gunzip(PackedData);

    public static GzipPacked ReadBare(TlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new GzipPacked { PackedData = reader.ReadBytes() };
    }

    public override void WriteBody(TlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBytes(PackedData);
    }
}
