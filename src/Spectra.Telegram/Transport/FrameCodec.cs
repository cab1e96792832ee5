using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Transport;

/// <summary>
/// One MTProto TCP framing (abridged, intermediate, padded intermediate). Codecs are stateless and symmetric, so the
/// client and the simulated server share them; only the one-time init bytes are client-only. Every frame length read
/// from the wire is checked against <see cref="MaxFrameLength"/> before a buffer is allocated.
/// </summary>
public abstract class FrameCodec
{
    /// <summary>Default cap: upload.getFile parts are at most 1 MiB, so 16 MiB leaves room without inviting abuse.</summary>
    public const int DefaultMaxFrameLength = 16 * 1024 * 1024;

    protected FrameCodec(int maxFrameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameLength, 4);
        MaxFrameLength = maxFrameLength;
    }

    public int MaxFrameLength { get; }

    /// <summary>The 4-byte protocol tag placed at bytes 56..59 of an obfuscated2 header.</summary>
    public abstract uint ObfuscationTag { get; }

    /// <summary>What a client sends once, before the first frame, on a plain (non-obfuscated) connection.</summary>
    public abstract byte[] InitBytes { get; }

    public abstract TransportKind Kind { get; }

    public static FrameCodec Create(TransportKind kind, int maxFrameLength = DefaultMaxFrameLength) => kind switch
    {
        TransportKind.Abridged => new AbridgedCodec(maxFrameLength),
        TransportKind.Intermediate => new IntermediateCodec(maxFrameLength),
        TransportKind.PaddedIntermediate => new PaddedIntermediateCodec(maxFrameLength),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Frames one payload (header, payload and any padding).</summary>
    public abstract byte[] Encode(ReadOnlySpan<byte> payload);

    /// <summary>Reads one frame's payload; a closed stream or an impossible length is a <see cref="TransportException"/>.</summary>
    public abstract ValueTask<byte[]> ReadFrameAsync(Stream stream, CancellationToken cancellationToken);

    protected void CheckLength(long length)
    {
        if (length < 0 || length > MaxFrameLength)
        {
            throw new TransportException(FormattableString.Invariant($"Frame length {length} is outside 0..{MaxFrameLength}."));
        }
    }

    protected static async ValueTask ReadExactAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new TransportException("The connection was closed by the peer.", ex);
        }
        catch (IOException ex)
        {
            throw new TransportException("Reading from the connection failed: " + ex.Message, ex);
        }
    }
}
