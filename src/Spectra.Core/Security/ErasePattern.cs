namespace Spectra.Core.Security;

/// <summary>What one overwrite pass writes.</summary>
public enum ErasePattern
{
    Zeros,
    Ones,
    Random,
}
