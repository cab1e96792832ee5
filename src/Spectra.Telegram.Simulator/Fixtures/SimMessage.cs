namespace Spectra.Telegram.Simulator.Fixtures;

/// <summary>One channel message: text with bold entities, edit date, reply, forward header, service action, file.</summary>
public sealed class SimMessage
{
    public required int Id { get; init; }

    public int Date { get; init; } = 1_700_000_000;

    public string Text { get; init; } = "";

    /// <summary>(offset, length) ranges rendered as bold entities.</summary>
    public List<int[]> Bold { get; init; } = [];

    public int? EditDate { get; init; }

    public int? ReplyTo { get; init; }

    public string? ForwardedFrom { get; init; }

    /// <summary>A service message (channel created / topic created) instead of a text message.</summary>
    public string? ServiceTitle { get; init; }

    public int? TopicId { get; init; }

    public SimFile? File { get; init; }
}
