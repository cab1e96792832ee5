using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Maintenance;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>ANALYZE, search-index optimize (optionally rebuild), VACUUM and a WAL checkpoint, with progress.</summary>
[Cmdlet(VerbsCommon.Optimize, "SpectraDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SpectraOptimizeResult))]
public sealed class OptimizeSpectraDatabaseCommand : SpectraCmdlet
{
    /// <summary>The archive; default: $env:SPECTRA_DB_PATH, else spectra.db in the current location.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "Path")]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>Rebuild the full-text index from the message text first.</summary>
    [Parameter]
    public SwitchParameter RebuildSearchIndex { get; set; }

    /// <summary>Skip VACUUM (which rewrites the whole file and needs that much free space).</summary>
    [Parameter]
    public SwitchParameter NoVacuum { get; set; }

    protected override void ProcessRecord()
    {
        var path = DefaultDatabase.Resolve(this, Database);
        if (!FirstTimeFor(path))
        {
            return;
        }

        var options = new OptimizeOptions { RebuildSearchIndex = RebuildSearchIndex.IsPresent, Vacuum = !NoVacuum.IsPresent };
        if (!ShouldProcess(path, string.Join(", ", ArchiveMaintenance.PlannedSteps(options))))
        {
            return;
        }

        try
        {
            using var database = ArchiveDatabase.Open(path, new ArchiveOptions { CreateIfMissing = false });
            var result = ArchiveMaintenance.Optimize(database, options, EngineSink, CancellationToken);
            WriteObject(new SpectraOptimizeResult(result));
        }
        catch (SpectraException ex)
        {
            WriteSpectraError(ex, path);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
