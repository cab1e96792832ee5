namespace Spectra.Core.Storage.Model;

/// <summary>
/// Progress of a peer's archive, written in the same transaction as the batch it describes, so a crash can never
/// leave the sync state ahead of (or behind) the messages. Lowest/highest merge with what is stored (min/max).
/// </summary>
public sealed record SyncStateUpdate(SyncStatus Status)
{
    public long? LowestMessageId { get; init; }

    public long? HighestMessageId { get; init; }

    public long? AccountId { get; init; }
}
