using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage;

/// <summary>How enums and dates are spelled in the database (lower-case text, Unix seconds).</summary>
internal static class StorageText
{
    public static string Of(PeerType value) => value switch
    {
        PeerType.User => "user",
        PeerType.Bot => "bot",
        PeerType.Group => "group",
        PeerType.Supergroup => "supergroup",
        _ => "channel",
    };

    public static PeerType PeerTypeOf(string value) => value switch
    {
        "user" => PeerType.User,
        "bot" => PeerType.Bot,
        "group" => PeerType.Group,
        "supergroup" => PeerType.Supergroup,
        _ => PeerType.Channel,
    };

    public static string Of(MessageKind value) => value switch
    {
        MessageKind.Service => "service",
        MessageKind.Unsupported => "unsupported",
        _ => "message",
    };

    public static string Of(SyncStatus value) => value.ToString().ToLowerInvariant();

    public static string Of(RunKind value) => value.ToString().ToLowerInvariant();

    public static string Of(RunOutcome value) => value.ToString().ToLowerInvariant();

    public static long Unix(DateTimeOffset value) => value.ToUnixTimeSeconds();

    public static long? Unix(DateTimeOffset? value) => value?.ToUnixTimeSeconds();

    /// <summary>
    /// The first whole second at or after <paramref name="value"/>: the bound a filter compares stored (whole-second)
    /// dates with. For a whole second d, d &gt;= t and d &lt; t both hold exactly when they hold for this ceiling;
    /// truncating instead let -After 12:00:00.5 return a message of 12:00:00 and -Before 12:00:00.5 drop it.
    /// </summary>
    public static long UnixCeiling(DateTimeOffset value) =>
        value.ToUnixTimeSeconds() + (value.UtcTicks % TimeSpan.TicksPerSecond == 0 ? 0 : 1);

    public static DateTimeOffset FromUnix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
