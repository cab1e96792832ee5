using Spectra.Core.Storage.Maintenance;

namespace Spectra.PowerShell.Models;

/// <summary>What Optimize-SpectraDatabase did.</summary>
public sealed class SpectraOptimizeResult
{
    internal SpectraOptimizeResult(OptimizeResult result)
    {
        Path = result.Path;
        Steps = result.Steps.ToArray();
        SizeBefore = result.SizeBefore;
        SizeAfter = result.SizeAfter;
        WalBefore = result.WalBefore;
        WalAfter = result.WalAfter;
        Duration = result.Duration;
        CheckpointBusy = result.CheckpointBusy;
    }

    public string Path { get; }

    public string[] Steps { get; }

    public long SizeBefore { get; }

    public long SizeAfter { get; }

    public long WalBefore { get; }

    public long WalAfter { get; }

    /// <summary>Bytes returned to the file system (database and log together).</summary>
    public long Reclaimed => SizeBefore + WalBefore - SizeAfter - WalAfter;

    public TimeSpan Duration { get; }

    /// <summary>True when other readers kept the write-ahead log from being checkpointed and truncated (see the warning).</summary>
    public bool CheckpointBusy { get; }
}
