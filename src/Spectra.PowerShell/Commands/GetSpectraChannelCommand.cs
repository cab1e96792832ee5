using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Query;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>Lists the archived channels, groups and chats with message and media totals.</summary>
[Cmdlet(VerbsCommon.Get, "SpectraChannel")]
[OutputType(typeof(SpectraChannel))]
public sealed class GetSpectraChannelCommand : ArchiveReaderCmdlet
{
    /// <summary>Only these: marked or bare id, @username or exact title.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PeerId", "ChannelId")]
    [ValidateNotNullOrEmpty]
    [ChannelArgument]
    public string[]? Channel { get; set; }

    protected override void ProcessArchiveRecord()
    {
        var reader = Reader;
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
            catch (SpectraException ex) when (!StorageErrors.IsReadFailure(ex)) // those stop the command (ArchiveReaderCmdlet)
            {
                WriteSpectraError(ex, channel);
                continue;
            }

            Emit(reader, id);
        }
    }

    private void Emit(ArchiveReader reader, long? id)
    {
        foreach (var summary in reader.GetChannels(id))
        {
            WriteObject(new SpectraChannel(summary, reader.Path));
        }
    }
}
