namespace Spectra.Core.Storage.Integrity;

/// <summary>Outcome of one integrity check: Warn is worth attention but not damage; Fail is damage or an unusable archive.</summary>
public enum CheckStatus
{
    Pass,
    Warn,
    Fail,
}
