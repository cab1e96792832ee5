namespace Spectra.Core.Storage.Model;

/// <summary>
/// A message as written to the archive, keyed by (peer, <see cref="MessageId"/>). JSON-valued properties hold JSON
/// text (validated when written). <see cref="Raw"/> keeps the source's serialized message with its
/// <see cref="RawLayer"/> and <see cref="RawFormat"/> so it can be re-parsed when the schema learns new fields.
/// </summary>
public sealed record ArchivedMessage(long MessageId, DateTimeOffset Date)
{
    public MessageKind Kind { get; init; } = MessageKind.Message;

    public DateTimeOffset? EditDate { get; init; }

    /// <summary>Marked peer id of the sender (user, or channel for channel posts).</summary>
    public long? SenderId { get; init; }

    public string? SenderName { get; init; }

    /// <summary>Channel post signature.</summary>
    public string? PostAuthor { get; init; }

    public long? ReplyToMessageId { get; init; }

    /// <summary>Marked peer id when the reply points into another chat.</summary>
    public long? ReplyToPeerId { get; init; }

    /// <summary>Forum topic (its top message id) or discussion thread.</summary>
    public long? TopicId { get; init; }

    public ForwardOrigin? Forward { get; init; }

    public string? ViaBot { get; init; }

    public string? Text { get; init; }

    /// <summary>Formatting entities as a JSON array.</summary>
    public string? EntitiesJson { get; init; }

    public int? Views { get; init; }

    public int? Forwards { get; init; }

    public long? GroupedId { get; init; }

    /// <summary>Service action name, e.g. <c>pin_message</c>, for <see cref="MessageKind.Service"/>.</summary>
    public string? ServiceAction { get; init; }

    /// <summary>Service action details (actor, members, title, ...) as a JSON object.</summary>
    public string? ServiceActionJson { get; init; }

    /// <summary>Everything else (reactions, buttons, poll, contact, location, ...) as a JSON object.</summary>
    public string? ExtraJson { get; init; }

    public byte[]? Raw { get; init; }

    public int? RawLayer { get; init; }

    /// <summary>What <see cref="Raw"/> is, e.g. <c>tl</c> or <c>tdesktop-json</c>.</summary>
    public string? RawFormat { get; init; }

    public bool IsDeleted { get; init; }

    public IReadOnlyList<ArchivedMedia> Media { get; init; } = [];
}
