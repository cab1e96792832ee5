using System.Globalization;

namespace Spectra.Core.Storage.Model;

/// <summary>
/// A run recorded as 'running': still going, or interrupted before it could record its end. <c>Detail</c> is what
/// it was doing (e.g. the export file an import read); <c>Host</c>, <c>ProcessId</c> and <c>ProcessStartedAt</c>
/// (Unix seconds: process ids are reused, start times are not) name its process, and are null for runs begun
/// before schema version 5.
/// </summary>
public sealed record UnfinishedRun(long RunId, string Kind, DateTimeOffset StartedAt, string? Detail, string? Host,
    long? ProcessId, long? ProcessStartedAt)
{
    /// <summary>True when its process is known to be gone, false while it runs, null when that cannot be told.</summary>
    public bool? IsGone => RunOwner.IsGone(Host, ProcessId, ProcessStartedAt);

    /// <summary>"run 12 (import: tdesktop-json /x/result.json, started 2026-11-27 04:10:01 UTC)", for messages.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"run {RunId} ({Kind}{(Detail is null ? "" : ": " + Detail)}, started {StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)");
}
