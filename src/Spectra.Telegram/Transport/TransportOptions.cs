namespace Spectra.Telegram.Transport;

/// <summary>How to reach one MTProto endpoint: framing, obfuscation, proxy, and the limits applied to the socket.</summary>
public sealed record TransportOptions
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public TransportKind Kind { get; init; } = TransportKind.Intermediate;

    /// <summary>Wrap the framing in obfuscated2 (implied by <see cref="MtProxy"/>).</summary>
    public bool Obfuscated { get; init; }

    /// <summary>DC id written into an obfuscated2 header (negative for test DCs, as MTProxies expect).</summary>
    public short DcId { get; init; } = 2;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxFrameLength { get; init; } = FrameCodec.DefaultMaxFrameLength;

    public Socks5Proxy? Socks5 { get; init; }

    /// <summary>Connect to <see cref="Host"/>:<see cref="Port"/> as an MTProxy with this secret.</summary>
    public MtProxySecret? MtProxy { get; init; }
}
