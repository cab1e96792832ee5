namespace Spectra.Telegram.Simulator.Fixtures;

/// <summary>A user account: where it lives, its login code and optional two-step password.</summary>
public sealed class SimAccount
{
    public required string Phone { get; init; }

    public long UserId { get; init; } = 1000;

    public string FirstName { get; init; } = "Archivist";

    public int HomeDc { get; init; } = 2;

    public string Code { get; init; } = "12345";

    /// <summary>Two-step verification password (checked by SRP on the server side), or null.</summary>
    public string? Password { get; init; }

    /// <summary>A banned account: every call after login answers 401 USER_DEACTIVATED_BAN.</summary>
    public bool Banned { get; init; }
}
