using System.Security.Cryptography;

namespace Spectra.Telegram.Simulator.Fixtures;

/// <summary>A document (or, with <see cref="PhotoSizeType"/>, a photo) stored on one DC; its bytes are derived from <see cref="Seed"/> so fixtures stay small.</summary>
public sealed class SimFile
{
    public required long Id { get; init; }

    public long AccessHash { get; init; } = 0xf11e;

    public required int DcId { get; init; }

    public required int Size { get; init; }

    public int Seed { get; init; } = 1;

    public string MimeType { get; init; } = "application/octet-stream";

    public string FileName { get; init; } = "file.bin";

    /// <summary>
    /// Set to serve this file as a photo with one size of this type (e.g. "y"): messages carry messageMediaPhoto and
    /// upload.getFile wants inputPhotoFileLocation with this thumb_size.
    /// </summary>
    public string? PhotoSizeType { get; init; }

    private byte[]? _content;

    /// <summary>The file's bytes (a deterministic pseudo-random stream, computed once).</summary>
    public byte[] Content => _content ??= Generate();

    private byte[] Generate()
    {
        var data = new byte[Size];
        var block = new byte[8];
        for (var offset = 0; offset < Size; offset += 32)
        {
            BitConverter.TryWriteBytes(block, ((long)Seed << 32) | (uint)offset);
            var hash = SHA256.HashData(block);
            hash.AsSpan(0, Math.Min(32, Size - offset)).CopyTo(data.AsSpan(offset));
        }

        return data;
    }
}
