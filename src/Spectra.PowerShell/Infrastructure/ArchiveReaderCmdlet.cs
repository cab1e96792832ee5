using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Storage.Query;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that only read an archive (Get-SpectraChannel, Get-SpectraMessage, Search-SpectraMessage):
/// one -Database parameter, one read-only reader opened in BeginProcessing and shared by every pipeline input, and
/// disposed when the command ends or is stopped.
/// </summary>
public abstract class ArchiveReaderCmdlet : SpectraCmdlet
{
    private ArchiveReader? _reader;

    /// <summary>The archive; default: storage.database from the configuration layers, else spectra.db here.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>The open reader; valid from ProcessRecord on.</summary>
    internal ArchiveReader Reader => _reader ?? throw new InvalidOperationException("The archive is not open yet.");

    protected override void BeginProcessing()
    {
        var path = DefaultDatabase.Resolve(this, Database);
        try
        {
            _reader = ArchiveReader.Open(path, OpenEngine(Database).MediaDirectory);
        }
        catch (SpectraException ex)
        {
            ThrowSpectraError(ex, path);
        }
    }

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
