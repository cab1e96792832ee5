namespace Spectra.Core.Storage.Maintenance;

/// <summary>A finished, verified backup.</summary>
public sealed record BackupResult(string Source, string Destination, long Size, long Messages, TimeSpan Duration);
