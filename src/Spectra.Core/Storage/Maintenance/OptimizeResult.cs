namespace Spectra.Core.Storage.Maintenance;

/// <summary>What an optimize run did and what it saved.</summary>
public sealed record OptimizeResult(string Path, IReadOnlyList<string> Steps, long SizeBefore, long SizeAfter,
    long WalBefore, long WalAfter, TimeSpan Duration)
{
    /// <summary>
    /// The checkpoint could not finish because another connection kept reading for the whole wait: the log was not
    /// (fully) copied into the database nor truncated, and the run is recorded as partial.
    /// </summary>
    public bool CheckpointBusy { get; init; }
}
