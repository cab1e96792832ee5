namespace Spectra.Core.Hosting;

/// <summary>
/// A progress report from long engine work. <paramref name="PercentComplete"/> is -1 when the total is unknown;
/// <paramref name="Completed"/> closes the bar. <paramref name="ActivityId"/> lets nested work show nested bars.
/// </summary>
public sealed record ProgressInfo(int ActivityId, string Activity, string Status, int PercentComplete = -1,
    bool Completed = false, int ParentActivityId = -1, string? CurrentOperation = null);
