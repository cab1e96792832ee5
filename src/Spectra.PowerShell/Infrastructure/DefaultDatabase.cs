using System.Management.Automation;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Where a cmdlet's archive is when -Database is not given: $env:SPECTRA_DB_PATH, else spectra.db in the current
/// location (the configuration default of storage.database). Paths go through the provider so ~ and PSDrives work.
/// </summary>
internal static class DefaultDatabase
{
    public const string FileName = "spectra.db";

    public static string Resolve(PSCmdlet cmdlet, string? database)
    {
        var chosen = !string.IsNullOrWhiteSpace(database) ? database
            : Environment.GetEnvironmentVariable("SPECTRA_DB_PATH") is { Length: > 0 } fromEnvironment ? fromEnvironment
            : FileName;
        return cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(chosen);
    }
}
