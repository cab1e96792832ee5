using Spectra.Core.Storage.Maintenance;

namespace Spectra.PowerShell.Models;

/// <summary>A finished, verified backup (Backup-SpectraDatabase).</summary>
public sealed class SpectraBackupResult
{
    internal SpectraBackupResult(BackupResult result, string mediaDirectory)
    {
        MediaDirectory = mediaDirectory;
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

    /// <summary>
    /// The media folder the backup's media rows refer to: the source archive's, which the backup does not copy.
    /// Piped to Test-SpectraDatabase with <see cref="Destination"/>, the copy is checked against it.
    /// </summary>
    public string MediaDirectory { get; }
}
