using System.Globalization;
using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage.Query;

/// <summary>
/// One recorded run (an import, an optimize, a live archive run): when, how it ended, what it wrote, and the process
/// that ran it (<c>Host</c>, <c>ProcessId</c> and <c>ProcessStartedAt</c> in Unix seconds: process ids are reused,
/// start times are not; null for runs begun before schema version 5).
/// </summary>
public sealed record RunView(long RunId, RunKind Kind, RunOutcome Outcome, DateTimeOffset StartedAt)
{
    public DateTimeOffset? EndedAt { get; init; }

    public long MessagesInserted { get; init; }

    public long MessagesUpdated { get; init; }

    public long MessagesUnchanged { get; init; }

    public long Errors { get; init; }

    public long MediaStored { get; init; }

    /// <summary>What the run did (e.g. the export file an import read).</summary>
    public string? Detail { get; init; }

    public string? Host { get; init; }

    public long? ProcessId { get; init; }

    public long? ProcessStartedAt { get; init; }

    /// <summary>
    /// True when the process that ran it is known to be gone, false while it runs, null when that cannot be told
    /// (no process recorded, or another machine's). Looked up afresh on each read.
    /// </summary>
    public bool? IsGone => RunOwner.IsGone(Host, ProcessId, ProcessStartedAt);

    /// <summary>Recorded as running, but the process that ran it is known to be gone: it never recorded its end.</summary>
    public bool Interrupted => Outcome == RunOutcome.Running && IsGone == true;

    /// <summary>"run 12 (import: tdesktop-json /x/result.json, started 2026-11-27 04:10:01 UTC)", for messages.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"run {RunId} ({StorageText.Of(Kind)}{(Detail is null ? "" : ": " + Detail)}, started {StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)");
}
