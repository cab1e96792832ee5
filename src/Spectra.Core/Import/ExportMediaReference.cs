namespace Spectra.Core.Import;

/// <summary>
/// A file a message refers to. <paramref name="Field"/> is the JSON field it came from (photo, file, thumbnail,
/// contact_vcard). <paramref name="RelativePath"/> is the path inside the export folder, null when the export holds a
/// placeholder sentence instead (<paramref name="Placeholder"/>: the file was not exported, is too large, or was
/// unavailable). <paramref name="Kind"/>: photo, sticker, video_file, voice_message, audio_file, animation,
/// video_message, document, thumbnail, contact_vcard.
/// </summary>
public sealed record ExportMediaReference(string Field, string Kind, string? RelativePath, string? Placeholder,
    string? FileName, long? Size, string? MimeType, int? Width, int? Height, int? DurationSeconds)
{
    public bool IsMissing => RelativePath is null;
}
