using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Query;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that only read an archive (Get-SpectraChannel, Get-SpectraMessage, Search-SpectraMessage):
/// one -Database parameter, which pipeline objects carrying a Database property (channels, messages, search
/// results, import and export summaries) fill, so a pipeline keeps reading the archive its objects came from. One read-only
/// reader is open at a time, shared by the records that name the same archive, and disposed when the command ends
/// or is stopped.
/// </summary>
public abstract class ArchiveReaderCmdlet : SpectraCmdlet
{
    private volatile ArchiveReader? _reader;

    /// <summary>The archive; default: storage.database from the configuration layers, else spectra.db here.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>
    /// The reader of the archive this record names, opened on first use. It is opened in ProcessRecord, not
    /// BeginProcessing, because -Database may come with each pipeline object.
    /// </summary>
    internal ArchiveReader Reader
    {
        get
        {
            var engine = OpenEngine(Database);
            if (_reader is not null && string.Equals(_reader.Path, engine.DatabasePath, StringComparison.Ordinal))
            {
                return _reader;
            }

            _reader?.Dispose();
            _reader = null;
            try
            {
                _reader = ArchiveReader.Open(engine.DatabasePath, engine.MediaDirectory);
            }
            catch (SpectraException ex)
            {
                ThrowSpectraError(ex, engine.DatabasePath);
            }

            return _reader!;
        }
    }

    /// <summary>
    /// Runs <see cref="ProcessArchiveRecord"/>. An archive that cannot be read (DatabaseDamaged, DatabaseReadFailed,
    /// raised at whichever row SQLite met the problem) stops the command with that error: every further record would
    /// fail on it the same way. Other engine errors are the subclass's to report per record.
    /// </summary>
    protected sealed override void ProcessRecord()
    {
        try
        {
            ProcessArchiveRecord();
        }
        catch (SpectraException ex) when (StorageErrors.IsReadFailure(ex))
        {
            ThrowSpectraError(ex, ex.Location?.File);
        }
        catch (OperationCanceledException) when (Stopping)
        {
            // StopProcessing interrupted the query; PowerShell ends the pipeline.
        }
    }

    /// <summary>Ctrl+C: also interrupts the query SQLite is running, which would otherwise finish before the stop is seen.</summary>
    protected override void StopProcessing()
    {
        base.StopProcessing();
        _reader?.Interrupt();
    }

    /// <summary>The work for one pipeline record, reading through <see cref="Reader"/>.</summary>
    protected abstract void ProcessArchiveRecord();

    protected override void EndProcessing() => _reader?.Dispose();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader?.Dispose();
        }

        base.Dispose(disposing);
    }
}
