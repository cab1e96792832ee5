namespace Spectra.Core.Storage.Query;

/// <summary>Filters for <see cref="ArchiveReader.GetMessages"/>; all optional, combined with AND.</summary>
public sealed record MessageQuery
{
    /// <summary>Marked peer id (resolve names with <see cref="ArchiveReader.ResolveChannel"/>).</summary>
    public long? ChannelId { get; init; }

    public IReadOnlyList<long>? Ids { get; init; }

    public DateTimeOffset? After { get; init; }

    public DateTimeOffset? Before { get; init; }

    /// <summary>A sender id, or a name matched against the sender's recorded name (case-insensitive, wildcard * allowed).</summary>
    public string? Sender { get; init; }

    public bool? HasMedia { get; init; }

    public int? First { get; init; }
}
