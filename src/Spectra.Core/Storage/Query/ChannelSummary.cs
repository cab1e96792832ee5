using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage.Query;

/// <summary>One archived peer with its totals. Media figures count stored files once per channel.</summary>
public sealed record ChannelSummary(long PeerId, PeerType Type, long TelegramId, string? Username, string? Title)
{
    public long MessageCount { get; init; }

    public DateTimeOffset? FirstDate { get; init; }

    public DateTimeOffset? LastDate { get; init; }

    /// <summary>Media attachments, stored or not.</summary>
    public long MediaCount { get; init; }

    /// <summary>Distinct files stored for this channel.</summary>
    public long MediaFiles { get; init; }

    public long MediaBytes { get; init; }

    public SyncStatus? SyncStatus { get; init; }

    public long? HighestMessageId { get; init; }

    public DateTimeOffset? LastSynced { get; init; }
}
