namespace Spectra.Core.Storage.Model;

/// <summary>
/// A channel, group or user as last seen. <paramref name="PeerId"/> is the marked id (<see cref="PeerIds"/>);
/// <paramref name="TelegramId"/> the bare id. Changes of username or title are kept in <c>peer_history</c>.
/// </summary>
public sealed record PeerRecord(long PeerId, PeerType Type, long TelegramId)
{
    public string? Username { get; init; }

    /// <summary>Channel or group title, or a user's display name.</summary>
    public string? Title { get; init; }

    public string? About { get; init; }

    public long? AccessHash { get; init; }

    public bool IsForum { get; init; }

    /// <summary>The chat type word of a Telegram Desktop export (public_channel, saved_messages, ...), when one described this chat.</summary>
    public string? ExportType { get; init; }

    /// <summary>Builds a record from a bare id, marking it by type.</summary>
    public static PeerRecord FromBare(PeerType type, long bareId) => new(PeerIds.Mark(type, bareId), type, bareId);
}
