namespace Spectra.Core.Storage;

/// <summary>
/// What a message's raw bytes are (<c>messages.raw_format</c>). A Telegram Desktop export is derived from what the
/// client received and leaves things out (file references, access hashes, exact flags), so when both exist for one
/// message the archive keeps the raw captured from Telegram and an import only fills in where no raw was kept.
/// </summary>
public static class RawFormats
{
    /// <summary>The message's TL serialization, as received from Telegram (raw_layer is the schema layer).</summary>
    public const string Tl = "tl";

    /// <summary>The message's object in a Telegram Desktop JSON export (result.json), verbatim.</summary>
    public const string TdesktopJson = "tdesktop-json";
}
