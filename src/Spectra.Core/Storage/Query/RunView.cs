using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage.Query;

/// <summary>
/// One recorded run (an import, an optimize, a live archive run): when, how it ended, what it wrote, and the process
/// that ran it (null for runs begun before schema version 5).
/// </summary>
public sealed record RunView(long RunId, RunKind Kind, RunOutcome Outcome, DateTimeOffset StartedAt)
{
    public DateTimeOffset? EndedAt { get; init; }

    public long MessagesInserted { get; init; }

    public long MessagesUpdated { get; init; }

    public long MessagesUnchanged { get; init; }

    public long Errors { get; init; }

    public long MediaStored { get; init; }

    public string? Detail { get; init; }

    public string? Host { get; init; }

    public long? ProcessId { get; init; }

    public long? ProcessStartedAt { get; init; }

    /// <summary>Recorded as running, but the process that ran it is known to be gone: it never recorded its end.</summary>
    public bool Interrupted => Outcome == RunOutcome.Running && RunOwner.IsGone(Host, ProcessId, ProcessStartedAt) == true;
}
