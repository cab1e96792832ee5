namespace Spectra.Core.Storage.Model;

/// <summary>How a run ended; <see cref="Running"/> while it is going (or if the process died).</summary>
public enum RunOutcome
{
    Running,
    Succeeded,
    Partial,
    Failed,
    Cancelled,
}
