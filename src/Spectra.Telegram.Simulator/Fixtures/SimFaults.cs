namespace Spectra.Telegram.Simulator.Fixtures;

/// <summary>Faults the cluster injects; all off by default.</summary>
public sealed class SimFaults
{
    /// <summary>Every Nth messages.getHistory call answers 420 FLOOD_WAIT_<see cref="FloodWaitSeconds"/> (0 = never).</summary>
    public int FloodWaitEvery { get; set; }

    public int FloodWaitSeconds { get; set; } = 1;

    /// <summary>Every Nth API call drops the TCP connection instead of answering (0 = never).</summary>
    public int DisconnectEvery { get; set; }

    /// <summary>Added latency before each API answer, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>File references handed out by messages.getHistory are expired; channels.getMessages hands out fresh ones.</summary>
    public bool ExpireHistoryFileReferences { get; set; }

    /// <summary>Every Nth encrypted message finds the server salt changed and is answered bad_server_salt (0 = never).</summary>
    public int RotateSaltEvery { get; set; }

    /// <summary>
    /// Rotate the server salt on a schedule: salt N is valid from N*period for 1.5 periods (so consecutive salts
    /// overlap), derived from the DC id and N, and get_future_salts announces it; an expired salt gets bad_server_salt.
    /// 0 = one salt per auth key, never rotated on a schedule.
    /// </summary>
    public int SaltPeriodSeconds { get; set; }

    /// <summary>get_future_salts answers an empty list (<c>"empty"</c>) or a truncated one (<c>"truncated"</c>); null = correct.</summary>
    public string? FutureSaltsAnswer { get; set; }

    /// <summary>This DC's clock runs this many seconds ahead of the machine's (negative = behind).</summary>
    public int ClockSkewSeconds { get; init; }

    /// <summary>Reject messages whose msg_id time is more than 30 s off the DC clock with bad_msg_notification 16/17.</summary>
    public bool CheckMessageTime { get; set; } = true;
}
