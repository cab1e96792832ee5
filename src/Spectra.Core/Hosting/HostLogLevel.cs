namespace Spectra.Core.Hosting;

/// <summary>The host streams a log event can go to; the PowerShell host maps them to Debug, Verbose, Warning.</summary>
public enum HostLogLevel
{
    Debug,
    Verbose,
    Warning,
}
