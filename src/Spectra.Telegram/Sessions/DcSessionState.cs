namespace Spectra.Telegram.Sessions;

/// <summary>What one DC's connection needs to resume: its auth key, the current salt and the clock offset.</summary>
public sealed class DcSessionState
{
    public required byte[] AuthKey { get; init; }

    public long Salt { get; set; }

    public int TimeOffsetSeconds { get; set; }

    public override string ToString() => FormattableString.Invariant($"DcSessionState(auth key {AuthKey.Length} bytes, offset {TimeOffsetSeconds} s)");
}
