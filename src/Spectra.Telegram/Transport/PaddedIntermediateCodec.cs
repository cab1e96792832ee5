using System.Security.Cryptography;

namespace Spectra.Telegram.Transport;

/// <summary>
/// Padded intermediate: 0xdddddddd; like intermediate but each frame carries 0..3 random trailing bytes so packet
/// sizes are not multiples of 4 (used with obfuscation and `dd` MTProxy secrets). The reader drops length % 4 bytes.
/// </summary>
public sealed class PaddedIntermediateCodec : IntermediateCodec
{
    public PaddedIntermediateCodec(int maxFrameLength = DefaultMaxFrameLength)
        : base(maxFrameLength)
    {
    }

    public override uint ObfuscationTag => 0xdddddddd;

    public override byte[] InitBytes => [0xdd, 0xdd, 0xdd, 0xdd];

    public override TransportKind Kind => TransportKind.PaddedIntermediate;

    public override byte[] Encode(ReadOnlySpan<byte> payload)
    {
        Span<byte> padding = stackalloc byte[3];
        var count = RandomNumberGenerator.GetInt32(0, 4);
        RandomNumberGenerator.Fill(padding[..count]);
        return Frame(payload, padding[..count]);
    }

    protected override byte[] Trim(byte[] payload)
    {
        var extra = payload.Length % 4;
        return extra == 0 ? payload : payload.AsSpan(0, payload.Length - extra).ToArray();
    }
}
