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

    /// <summary>
    /// Fetch the server's future salts (get_future_salts) after connecting and switch to each one when its valid_since
    /// passes on the server-corrected clock, so a server rotating salts on schedule never has to answer bad_server_salt.
    /// </summary>
    public bool UseFutureSalts { get; init; } = true;

    /// <summary>How many salts one get_future_salts asks for (the server allows 1 to 64).</summary>
    public int FutureSaltsCount { get; init; } = 32;

    /// <summary>A new list is fetched when the known salts cover less than this much time ahead.</summary>
    public TimeSpan FutureSaltsRefreshBefore { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Wait after a failed, empty or unusable get_future_salts answer before asking again.</summary>
    public TimeSpan FutureSaltsRetryInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Called (on the receive loop) with each message the session does not consume itself, e.g. updates.</summary>
    public Action<ReadOnlyMemory<byte>>? UnhandledMessage { get; init; }
}
