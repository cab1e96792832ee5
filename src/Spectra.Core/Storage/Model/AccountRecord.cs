namespace Spectra.Core.Storage.Model;

/// <summary>A Telegram account that archives into this database. Never holds credentials: only who it is.</summary>
public sealed record AccountRecord(long AccountId)
{
    public string? Username { get; init; }

    public string? DisplayName { get; init; }
}
