namespace Spectra.Core.Configuration.Model;

/// <summary>Archive tuning: messages per committed batch, parallel media downloads, parallel parts per file.</summary>
public sealed record ArchiveConfig
{
    public int BatchSize { get; init; } = 500;

    public int MaxConcurrentDownloads { get; init; } = 4;

    public int PartsPerFile { get; init; } = 4;
}
