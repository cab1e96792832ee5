using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Storage.Query;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>Lists the archived channels, groups and chats with message and media totals.</summary>
[Cmdlet(VerbsCommon.Get, "SpectraChannel")]
[OutputType(typeof(SpectraChannel))]
public sealed class GetSpectraChannelCommand : SpectraCmdlet
{
    private ArchiveReader? _reader;

    /// <summary>Only these: marked or bare id, @username or exact title.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PeerId", "ChannelId")]
    [ValidateNotNullOrEmpty]
    public string[]? Channel { get; set; }

    /// <summary>The archive; default: $env:SPECTRA_DB_PATH, else spectra.db in the current location.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

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

    protected override void ProcessRecord()
    {
        var reader = _reader!;
        if (Channel is null)
        {
            Emit(reader, null);
            return;
        }

        foreach (var channel in Channel)
        {
            long id;
            try
            {
                id = reader.ResolveChannel(channel);
            }
            catch (SpectraException ex)
            {
                WriteSpectraError(ex, channel);
                continue;
            }

            Emit(reader, id);
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

    private void Emit(ArchiveReader reader, long? id)
    {
        foreach (var summary in reader.GetChannels(id))
        {
            WriteObject(new SpectraChannel(summary, reader.Path));
        }
    }
}
