namespace Spectra.Core.Export;

/// <summary>One media link of a stored message: the file (by hash) or why there is none, with its metadata.</summary>
public sealed record StoredMedia(int Ordinal, string Kind, string? Sha256, string? MissingReason, string? OriginalName,
    string? Mime, long? Size, int? Width, int? Height, int? DurationSeconds, string? ExtraJson);
