namespace Spectra.Core.Storage.Maintenance;

/// <summary>What an optimize run did and what it saved.</summary>
public sealed record OptimizeResult(string Path, IReadOnlyList<string> Steps, long SizeBefore, long SizeAfter,
    long WalBefore, long WalAfter, TimeSpan Duration);
