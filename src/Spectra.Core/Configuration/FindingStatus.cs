namespace Spectra.Core.Configuration;

/// <summary>Outcome of one configuration check.</summary>
public enum FindingStatus
{
    Pass,
    Warn,
    Fail,
}
