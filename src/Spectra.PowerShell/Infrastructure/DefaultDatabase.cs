namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Where a cmdlet's archive is: -Database, else storage.database from the configuration layers
/// ($env:SPECTRA_DB_PATH, .env, spectra_config.json), else spectra.db in the current location. The rules live in
/// Spectra.Core.Configuration.StorageLocations; this only opens the cmdlet's engine session.
/// </summary>
internal static class DefaultDatabase
{
    public static string Resolve(SpectraCmdlet cmdlet, string? database) => cmdlet.OpenEngine(database).DatabasePath;
}
