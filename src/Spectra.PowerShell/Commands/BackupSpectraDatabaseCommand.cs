using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Storage.Maintenance;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>
/// Copies the archive with SQLite's online backup API: a consistent snapshot even while an archive run writes, verified
/// before it is moved into place. The media directory is not copied (its files never change: copy it with any tool).
/// </summary>
[Cmdlet(VerbsData.Backup, "SpectraDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SpectraBackupResult))]
public sealed class BackupSpectraDatabaseCommand : SpectraCmdlet
{
    /// <summary>The archive; default: $env:SPECTRA_DB_PATH, else spectra.db in the current location.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "Path")]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>The backup file to create.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = string.Empty;

    /// <summary>Replace an existing file at the destination.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var source = DefaultDatabase.Resolve(this, Database);
        if (!FirstTimeFor(source))
        {
            return;
        }

        var destination = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
        if (!ShouldProcess(destination, $"Back up archive {source}"))
        {
            return;
        }

        try
        {
            var result = ArchiveMaintenance.Backup(source, destination, Force.IsPresent, EngineSink, CancellationToken);
            WriteObject(new SpectraBackupResult(result, OpenEngine(Database).MediaDirectory));
        }
        catch (SpectraException ex)
        {
            WriteSpectraError(ex, destination);
        }
        catch (OperationCanceledException)
        {
            // Stopped: the partial copy was deleted and nothing was put at the destination.
        }
    }
}
