using System.Buffers.Binary;

namespace Spectra.Telegram.Transport;

/// <summary>Intermediate: 0xeeeeeeee once; then a little-endian int32 length and the payload.</summary>
public class IntermediateCodec : FrameCodec
{
    public IntermediateCodec(int maxFrameLength = DefaultMaxFrameLength)
        : base(maxFrameLength)
    {
    }

    public override uint ObfuscationTag => 0xeeeeeeee;

    public override byte[] InitBytes => [0xee, 0xee, 0xee, 0xee];

    public override TransportKind Kind => TransportKind.Intermediate;

    public override byte[] Encode(ReadOnlySpan<byte> payload) => Frame(payload, ReadOnlySpan<byte>.Empty);

    public override async ValueTask<byte[]> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        await ReadExactAsync(stream, header, cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        CheckLength(length);
        var payload = new byte[length];
        await ReadExactAsync(stream, payload, cancellationToken).ConfigureAwait(false);
        return Trim(payload);
    }

    /// <summary>Hook for the padded variant, which drops length % 4 trailing bytes.</summary>
    protected virtual byte[] Trim(byte[] payload) => payload;

    protected static byte[] Frame(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> padding)
    {
        var frame = new byte[4 + payload.Length + padding.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length + padding.Length);
        payload.CopyTo(frame.AsSpan(4));
        padding.CopyTo(frame.AsSpan(4 + payload.Length));
        return frame;
    }
}
