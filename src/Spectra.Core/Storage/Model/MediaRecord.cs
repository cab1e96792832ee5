namespace Spectra.Core.Storage.Model;

/// <summary>
/// A file in the content-addressed media store. <paramref name="Sha256"/> (64 lower-case hex digits) is its identity
/// and decides where it lives: <paramref name="RelativePath"/> is <c>&lt;2 hex&gt;/&lt;sha256&gt;</c> under the media
/// directory, never anything derived from a file name.
/// </summary>
public sealed record MediaRecord(string Sha256, long Size, string? Mime, string RelativePath);
