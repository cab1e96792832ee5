using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Transport;

/// <summary>Abridged: 0xef once; then length/4 in one byte, or 0x7f and a 3-byte little-endian length/4.</summary>
public sealed class AbridgedCodec : FrameCodec
{
    public AbridgedCodec(int maxFrameLength = DefaultMaxFrameLength)
        : base(maxFrameLength)
    {
    }

    public override uint ObfuscationTag => 0xefefefef;

    public override byte[] InitBytes => [0xef];

    public override TransportKind Kind => TransportKind.Abridged;

    public override byte[] Encode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length % 4 != 0)
        {
            throw new ArgumentException("Abridged frames carry a multiple of 4 bytes.", nameof(payload));
        }

        var words = payload.Length / 4;
        if (words >= 1 << 24)
        {
            throw new ArgumentException("Payload too large for the abridged transport.", nameof(payload));
        }

        byte[] frame;
        if (words < 0x7f)
        {
            frame = new byte[1 + payload.Length];
            frame[0] = (byte)words;
            payload.CopyTo(frame.AsSpan(1));
        }
        else
        {
            frame = new byte[4 + payload.Length];
            frame[0] = 0x7f;
            frame[1] = (byte)words;
            frame[2] = (byte)(words >> 8);
            frame[3] = (byte)(words >> 16);
            payload.CopyTo(frame.AsSpan(4));
        }

        return frame;
    }

    public override async ValueTask<byte[]> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[3];
        await ReadExactAsync(stream, header.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
        long words = header[0];
        if (words >= 0x7f)
        {
            if (words > 0x7f)
            {
                throw new TransportException(FormattableString.Invariant($"Abridged length byte 0x{words:x2} is not valid (quick-ack replies are not requested)."));
            }

            await ReadExactAsync(stream, header, cancellationToken).ConfigureAwait(false);
            words = header[0] | (header[1] << 8) | (header[2] << 16);
        }

        CheckLength(words * 4);
        var payload = new byte[words * 4];
        await ReadExactAsync(stream, payload, cancellationToken).ConfigureAwait(false);
        return payload;
    }
}
