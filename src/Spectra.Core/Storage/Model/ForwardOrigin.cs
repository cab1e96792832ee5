namespace Spectra.Core.Storage.Model;

/// <summary>Where a forwarded message came from. Any part may be unknown (hidden senders give only a name).</summary>
public sealed record ForwardOrigin
{
    /// <summary>Marked peer id of the original sender or channel.</summary>
    public long? FromId { get; init; }

    public string? FromName { get; init; }

    public DateTimeOffset? Date { get; init; }

    /// <summary>Id of the original message in its channel.</summary>
    public long? MessageId { get; init; }
}
