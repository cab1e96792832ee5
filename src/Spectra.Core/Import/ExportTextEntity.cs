namespace Spectra.Core.Import;

/// <summary>
/// One formatting or link span of a message text. Offsets and lengths are in UTF-16 code units, as Telegram counts
/// them. The type is the export's word (bold, text_link, mention_name, pre, custom_emoji, ...); the optional fields
/// carry each type's extra: <c>href</c>, <c>user_id</c>, <c>language</c>, <c>document_id</c>.
/// </summary>
public sealed record ExportTextEntity(string Type, int Offset, int Length, string? Url = null, long? UserId = null,
    string? Language = null, string? DocumentId = null);
