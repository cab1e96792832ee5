using Spectra.Core.Storage.Query;

namespace Spectra.PowerShell.Models;

/// <summary>A full-text search hit (Search-SpectraMessage): best first, with the matching passage marked.</summary>
public sealed class SpectraSearchResult
{
    internal SpectraSearchResult(SearchHit hit, string database)
    {
        Rank = hit.Rank;
        Score = hit.Score;
        Snippet = hit.Snippet;
        Message = new SpectraMessage(hit.Message, database);
    }

    /// <summary>Place in the results, 1 = most relevant.</summary>
    public int Rank { get; }

    /// <summary>Relevance (negated FTS5 bm25): higher is better; comparable within one search only.</summary>
    public double Score { get; }

    public string Snippet { get; }

    public SpectraMessage Message { get; }

    public long ChannelId => Message.ChannelId;

    public string? ChannelTitle => Message.ChannelTitle;

    public long MessageId => Message.MessageId;

    public DateTimeOffset Date => Message.Date;

    public string? Sender => Message.Sender;

    public string? Text => Message.Text;

    /// <summary>The archive searched (lets the hit be piped to Get-SpectraMessage).</summary>
    public string Database => Message.Database;
}
