namespace Spectra.PowerShell.Models;

/// <summary>Outcome of one database check.</summary>
public enum SpectraCheckStatus
{
    Pass,
    Warn,
    Fail,
}
