namespace Spectra.Core.Storage.Model;

/// <summary>Totals of a run; the writer keeps these for the run it was started with.</summary>
public sealed record RunCounts(long Inserted, long Updated, long Unchanged, long Errors, long MediaStored);
