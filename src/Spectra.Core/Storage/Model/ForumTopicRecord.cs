namespace Spectra.Core.Storage.Model;

/// <summary>A forum topic of a supergroup; <paramref name="TopicId"/> is the id of its opening message.</summary>
public sealed record ForumTopicRecord(long TopicId, string Title)
{
    public DateTimeOffset? CreatedDate { get; init; }

    public long? IconEmojiId { get; init; }

    public bool IsClosed { get; init; }

    public bool IsPinned { get; init; }

    public bool IsHidden { get; init; }
}
