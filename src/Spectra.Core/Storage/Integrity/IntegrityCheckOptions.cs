namespace Spectra.Core.Storage.Integrity;

/// <summary>What the integrity checker looks at.</summary>
public sealed record IntegrityCheckOptions
{
    /// <summary>Full integrity_check instead of quick_check, FTS content re-tokenized, every media file re-hashed.</summary>
    public bool Deep { get; init; }

    /// <summary>Media directory; default <c>media</c> next to the database.</summary>
    public string? MediaDirectory { get; init; }

    /// <summary>
    /// Write-ahead log size above which a Warn suggests a checkpoint: twice what a writer lets the log grow to
    /// before it checkpoints (<see cref="SqliteConnections.CheckpointBytes"/>), so only a log no checkpoint could reset.
    /// </summary>
    public long WalWarnBytes { get; init; } = 2 * SqliteConnections.CheckpointBytes;

    /// <summary>Share of free pages above which a Warn suggests VACUUM.</summary>
    public double FreePageWarnRatio { get; init; } = 0.25;

    /// <summary>Share of messages written since the last ANALYZE above which statistics are called stale.</summary>
    public double StaleStatisticsRatio { get; init; } = 0.25;

    /// <summary>Archives smaller than this do not need planner statistics.</summary>
    public long StatisticsMinimumMessages { get; init; } = 10_000;

    /// <summary>
    /// Memory the deep check's copy of the search index may take before its pages go to an unnamed temporary file:
    /// a million messages need 55 MB, so most archives stay in memory and huge ones stay bounded.
    /// </summary>
    public int SearchIndexCopyMemoryKiB { get; init; } = 256 * 1024;
}
