using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Query;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>Full-text search over message text (FTS5 syntax), best match first, with marked snippets.</summary>
[Cmdlet(VerbsCommon.Search, "SpectraMessage")]
[OutputType(typeof(SpectraSearchResult))]
public sealed class SearchSpectraMessageCommand : ArchiveReaderCmdlet
{
    /// <summary>FTS5 query: words, "phrases", AND/OR/NOT, prefix*, NEAR(a b, 5).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public string Query { get; set; } = string.Empty;

    /// <summary>Only this channel: marked or bare id, @username or exact title.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PeerId", "ChannelId")]
    [ValidateNotNullOrEmpty]
    public string? Channel { get; set; }

    /// <summary>Only messages dated at or after this time.</summary>
    [Parameter]
    [DateArgument]
    public DateTime? After { get; set; }

    /// <summary>Only messages dated before this time.</summary>
    [Parameter]
    [DateArgument]
    public DateTime? Before { get; set; }

    /// <summary>At most this many results (default 100).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int First { get; set; } = 100;

    protected override void ProcessArchiveRecord()
    {
        var reader = Reader;
        try
        {
            var query = new SearchQuery(Query)
            {
                ChannelId = Channel is null ? null : reader.ResolveChannel(Channel),
                After = DateArguments.ToOffset(After),
                Before = DateArguments.ToOffset(Before),
                First = First,
            };
            foreach (var hit in reader.Search(query))
            {
                WriteObject(new SpectraSearchResult(hit, reader.Path));
            }
        }
        catch (SpectraException ex) when (!StorageErrors.IsReadFailure(ex)) // those stop the command (ArchiveReaderCmdlet)
        {
            WriteSpectraError(ex, Query);
        }
    }
}
