using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage.Query;

/// <summary>A message as read back from the archive.</summary>
public sealed record MessageView(long ChannelId, long MessageId, DateTimeOffset Date)
{
    public string? ChannelTitle { get; init; }

    public MessageKind Kind { get; init; }

    public DateTimeOffset? EditDate { get; init; }

    public long? SenderId { get; init; }

    public string? Sender { get; init; }

    public string? Text { get; init; }

    public long? ReplyToMessageId { get; init; }

    public long? TopicId { get; init; }

    public string? ForwardedFrom { get; init; }

    public int? Views { get; init; }

    public int? Forwards { get; init; }

    public string? ServiceAction { get; init; }

    public bool IsDeleted { get; init; }

    public IReadOnlyList<MessageMediaView> Media { get; init; } = [];
}
