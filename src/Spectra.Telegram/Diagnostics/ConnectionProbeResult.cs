using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Diagnostics;

/// <summary>What <see cref="ConnectionProbe"/> measured: where, how, the ping round trip and the server clock offset.</summary>
public sealed record ConnectionProbeResult(
    string Host,
    int Port,
    int DcId,
    TransportKind Transport,
    bool Obfuscated,
    TimeSpan ConnectTime,
    TimeSpan KeyExchangeTime,
    TimeSpan PingRoundTrip,
    int ClockOffsetSeconds);
