using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Storage.Query;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>Full-text search over message text (FTS5 syntax), best match first, with marked snippets.</summary>
[Cmdlet(VerbsCommon.Search, "SpectraMessage")]
[OutputType(typeof(SpectraSearchResult))]
public sealed class SearchSpectraMessageCommand : SpectraCmdlet
{
    private ArchiveReader? _reader;

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
    public DateTime? After { get; set; }

    /// <summary>Only messages dated before this time.</summary>
    [Parameter]
    public DateTime? Before { get; set; }

    /// <summary>At most this many results (default 100).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int First { get; set; } = 100;

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
        catch (SpectraException ex)
        {
            WriteSpectraError(ex, Query);
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
