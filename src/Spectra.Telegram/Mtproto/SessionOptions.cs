namespace Spectra.Telegram.Mtproto;

/// <summary>Tunables of one encrypted session. Defaults suit an archiver: conservative waits, regular keep-alive.</summary>
public sealed record SessionOptions
{
    /// <summary>FLOOD_WAIT answers up to this long are waited out and retried; longer ones surface to the caller.</summary>
    public TimeSpan FloodSleepThreshold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval of ping_delay_disconnect keep-alives; zero disables them.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a keep-alive may wait for its pong before the connection is declared dead.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Acks are flushed at least this often when no request carries them.</summary>
    public TimeSpan AckInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often one request may be re-sent after salt or clock corrections before it fails.</summary>
    public int MaxResends { get; init; } = 5;

    /// <summary>Called (on the receive loop) with each message the session does not consume itself, e.g. updates.</summary>
    public Action<ReadOnlyMemory<byte>>? UnhandledMessage { get; init; }
}
