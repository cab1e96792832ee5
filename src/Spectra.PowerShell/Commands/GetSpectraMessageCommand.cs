using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Query;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>Reads archived messages, streaming: each is written as it is read, so memory stays flat.</summary>
[Cmdlet(VerbsCommon.Get, "SpectraMessage")]
[OutputType(typeof(SpectraMessage))]
public sealed class GetSpectraMessageCommand : ArchiveReaderCmdlet
{
    /// <summary>Marked or bare id, @username or exact title; all channels when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PeerId", "ChannelId")]
    [ValidateNotNullOrEmpty]
    public string? Channel { get; set; }

    /// <summary>Only these message ids.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("MessageId")]
    public long[]? Id { get; set; }

    /// <summary>Only messages dated at or after this time.</summary>
    [Parameter]
    [DateArgument]
    public DateTime? After { get; set; }

    /// <summary>Only messages dated before this time.</summary>
    [Parameter]
    [DateArgument]
    public DateTime? Before { get; set; }

    /// <summary>Sender id, @username, or name (wildcards * and ?).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? Sender { get; set; }

    /// <summary>Only messages with attachments; -HasMedia:$false for only those without.</summary>
    [Parameter]
    public SwitchParameter HasMedia { get; set; }

    /// <summary>At most this many messages (per channel given).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? First { get; set; }

    protected override void ProcessArchiveRecord()
    {
        var reader = Reader;
        long? channelId = null;
        if (Channel is not null)
        {
            try
            {
                channelId = reader.ResolveChannel(Channel);
            }
            catch (SpectraException ex) when (!StorageErrors.IsReadFailure(ex)) // those stop the command (ArchiveReaderCmdlet)
            {
                WriteSpectraError(ex, Channel);
                return;
            }
        }

        var query = new MessageQuery
        {
            ChannelId = channelId,
            Ids = Id,
            After = DateArguments.ToOffset(After),
            Before = DateArguments.ToOffset(Before),
            Sender = Sender,
            HasMedia = MyInvocation.BoundParameters.ContainsKey(nameof(HasMedia)) ? HasMedia.IsPresent : null,
            First = First,
        };
        foreach (var message in reader.GetMessages(query))
        {
            WriteObject(new SpectraMessage(message, reader.Path));
        }
    }
}
