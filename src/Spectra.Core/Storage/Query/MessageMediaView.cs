namespace Spectra.Core.Storage.Query;

/// <summary>An attachment as read back: <see cref="FullPath"/> is set when the file is in the media store.</summary>
public sealed record MessageMediaView(string Kind)
{
    public string? FileName { get; init; }

    public string? Mime { get; init; }

    public long? Size { get; init; }

    public string? Sha256 { get; init; }

    public string? FullPath { get; init; }

    public string? MissingReason { get; init; }
}
