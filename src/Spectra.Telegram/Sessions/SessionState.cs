namespace Spectra.Telegram.Sessions;

/// <summary>Everything a client needs to resume without logging in again: per-DC keys and salts, home DC, user id.</summary>
public sealed class SessionState
{
    public int HomeDcId { get; set; } = 2;

    public long? UserId { get; set; }

    public Dictionary<int, DcSessionState> Dcs { get; init; } = [];

    public override string ToString() => FormattableString.Invariant($"SessionState(home DC {HomeDcId}, {Dcs.Count} DC key(s), user {(UserId.HasValue ? "set" : "none")})");
}
