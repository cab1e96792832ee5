namespace Spectra.Core.Storage.Query;

/// <summary>
/// A search result: <see cref="Rank"/> is its place (1 = best), <see cref="Score"/> the negated FTS5 bm25 value
/// (higher is more relevant), <see cref="Snippet"/> the matching passage with hits marked.
/// </summary>
public sealed record SearchHit(int Rank, double Score, MessageView Message, string Snippet);
