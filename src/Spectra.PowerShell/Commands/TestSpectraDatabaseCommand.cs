using System.Management.Automation;
using Spectra.Core.Storage.Integrity;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>
/// Checks an archive without changing it and writes one result per check as it completes; -Quiet writes only
/// $true (nothing failed) or $false.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "SpectraDatabase")]
[OutputType(typeof(SpectraDatabaseCheck))]
[OutputType(typeof(bool))]
public sealed class TestSpectraDatabaseCommand : SpectraCmdlet
{
    /// <summary>The archive; default: storage.database from the configuration layers, else spectra.db in the current location.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "Database", "Destination")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Full integrity_check, search index re-tokenized, every media file re-hashed.</summary>
    [Parameter]
    public SwitchParameter Deep { get; set; }

    /// <summary>Only $true when no check failed (warnings allowed), else $false.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <summary>The media directory, when not media/ next to the database (a piped backup result brings its source's).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? MediaDirectory { get; set; }

    protected override void ProcessRecord()
    {
        var engine = OpenEngine(Path, MediaDirectory);
        var path = engine.DatabasePath;
        if (!FirstTimeFor(path))
        {
            return;
        }

        var options = new IntegrityCheckOptions { Deep = Deep.IsPresent, MediaDirectory = engine.MediaDirectory };
        var sink = EngineSink;
        var failed = false;
        try
        {
            foreach (var result in new IntegrityChecker(path, options, sink).Run(CancellationToken))
            {
                failed |= result.Status == CheckStatus.Fail;
                if (!Quiet)
                {
                    WriteObject(new SpectraDatabaseCheck(result, path));
                }
                else if (result.Status == CheckStatus.Fail)
                {
                    WriteVerbose($"{result.Check}: {result.Message}");
                }
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            WriteProgress(new ProgressRecord(7301, "Checking archive", "Done") { RecordType = ProgressRecordType.Completed });
        }

        if (Quiet)
        {
            WriteObject(!failed);
        }
    }
}
