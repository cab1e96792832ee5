namespace Spectra.Core.Storage.Query;

/// <summary>A full-text search: FTS5 query syntax, optionally limited to a channel and a date range.</summary>
public sealed record SearchQuery(string Text)
{
    public long? ChannelId { get; init; }

    public DateTimeOffset? After { get; init; }

    public DateTimeOffset? Before { get; init; }

    public int? First { get; init; }

    public string HighlightStart { get; init; } = "[";

    public string HighlightEnd { get; init; } = "]";

    /// <summary>Tokens of context in a snippet (FTS5 allows 1-64).</summary>
    public int SnippetTokens { get; init; } = 16;
}
