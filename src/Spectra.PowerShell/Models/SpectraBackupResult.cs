using Spectra.Core.Storage.Maintenance;

namespace Spectra.PowerShell.Models;

/// <summary>A finished, verified backup (Backup-SpectraDatabase).</summary>
public sealed class SpectraBackupResult
{
    internal SpectraBackupResult(BackupResult result)
    {
        Source = result.Source;
        Destination = result.Destination;
        Size = result.Size;
        Messages = result.Messages;
        Duration = result.Duration;
    }

    public string Source { get; }

    public string Destination { get; }

    public long Size { get; }

    /// <summary>Messages in the backup (the snapshot's count).</summary>
    public long Messages { get; }

    public TimeSpan Duration { get; }
}
