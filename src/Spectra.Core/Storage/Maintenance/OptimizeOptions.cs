namespace Spectra.Core.Storage.Maintenance;

/// <summary>Which maintenance steps <see cref="ArchiveMaintenance.Optimize"/> runs (all by default, except the rebuild).</summary>
public sealed record OptimizeOptions
{
    /// <summary>Rebuild the full-text index from the message text first (repairs a FullTextIndex failure).</summary>
    public bool RebuildSearchIndex { get; init; }

    public bool Analyze { get; init; } = true;

    public bool OptimizeSearchIndex { get; init; } = true;

    public bool Vacuum { get; init; } = true;

    public bool Checkpoint { get; init; } = true;
}
