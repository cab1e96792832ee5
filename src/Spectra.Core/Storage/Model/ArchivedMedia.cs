namespace Spectra.Core.Storage.Model;

/// <summary>
/// One media attachment of a message. Either <see cref="Stored"/> is set (the file is in the media store) or
/// <see cref="MissingReason"/> says why there is no file (not exported, too big, not downloaded yet).
/// <see cref="OriginalName"/> is metadata only and is sanitized again when written.
/// </summary>
public sealed record ArchivedMedia(string Kind)
{
    public MediaRecord? Stored { get; init; }

    public string? MissingReason { get; init; }

    public string? OriginalName { get; init; }

    public string? Mime { get; init; }

    /// <summary>Size as the source reported it (may differ from the stored size when the file is missing).</summary>
    public long? Size { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public int? DurationSeconds { get; init; }

    /// <summary>Telegram's photo or document id.</summary>
    public long? TelegramFileId { get; init; }

    public long? TelegramAccessHash { get; init; }

    public int? TelegramDcId { get; init; }

    /// <summary>Anything else the source knows (sticker emoji, performer, thumbnail, ...) as a JSON object.</summary>
    public string? ExtraJson { get; init; }
}
