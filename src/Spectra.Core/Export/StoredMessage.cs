namespace Spectra.Core.Export;

/// <summary>One archived message as read back for export.</summary>
public sealed class StoredMessage
{
    public required long MessageId { get; init; }

    public required string Kind { get; init; }

    public required long Date { get; init; }

    public long? EditDate { get; init; }

    public long? SenderId { get; init; }

    public string? SenderName { get; init; }

    public string? PostAuthor { get; init; }

    public long? ReplyToMessageId { get; init; }

    public long? ReplyToPeerId { get; init; }

    public string? ForwardedFromName { get; init; }

    public string? ViaBot { get; init; }

    public string? Text { get; init; }

    public string? EntitiesJson { get; init; }

    public string? ServiceAction { get; init; }

    public string? ActionJson { get; init; }

    public string? ExtraJson { get; init; }

    public byte[]? Raw { get; init; }

    public string? RawFormat { get; init; }

    public List<StoredMedia> Media { get; } = [];
}
