using Spectra.Core.Storage.Model;

namespace Spectra.Core.Export;

/// <summary>A peer of the archive as the exporters need it: identity, names and how many messages it has.</summary>
public sealed record ArchivedPeer(long PeerId, PeerType Type, long TelegramId, string? Title, string? Username, long MessageCount)
{
    /// <summary>The type word an imported export gave this chat (kept in peers.export_type), if any.</summary>
    public string? ImportedType { get; init; }

    /// <summary>
    /// The chat type word Telegram Desktop uses for this peer: the one its export gave it when it came from one,
    /// else derived from the kind of peer (public when it has a username).
    /// </summary>
    public string ExportType => ImportedType ?? Type switch
    {
        PeerType.User => "personal_chat",
        PeerType.Bot => "bot_chat",
        PeerType.Group => "private_group",
        PeerType.Supergroup => Username is null ? "private_supergroup" : "public_supergroup",
        _ => Username is null ? "private_channel" : "public_channel",
    };

    public string DisplayName => Title ?? Username ?? PeerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
