namespace Spectra.Core.Storage.Model;

/// <summary>
/// Marked peer ids, the convention of the Bot API and Telethon: users as is, basic groups negated, channels and
/// supergroups as -(10^12 + id). Telegram's bare ids of different peer types can collide; marked ids cannot, so
/// they are the archive's primary key for peers while the bare id is kept beside it.
/// </summary>
public static class PeerIds
{
    private const long ChannelOffset = 1_000_000_000_000L;

    public static long Mark(PeerType type, long bareId) => type switch
    {
        PeerType.User or PeerType.Bot => bareId,
        PeerType.Group => -bareId,
        _ => -(ChannelOffset + bareId),
    };

    /// <summary>The bare Telegram id of a marked id.</summary>
    public static long Bare(long markedId) => markedId switch
    {
        >= 0 => markedId,
        <= -ChannelOffset => -markedId - ChannelOffset,
        _ => -markedId,
    };
}
