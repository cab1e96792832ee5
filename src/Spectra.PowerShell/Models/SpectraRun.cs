using Spectra.Core.Storage.Query;

namespace Spectra.PowerShell.Models;

/// <summary>A recorded run of an import or an optimize (Get-SpectraRun).</summary>
public sealed class SpectraRun
{
    internal SpectraRun(RunView run, string database)
    {
        RunId = run.RunId;
        Kind = run.Kind.ToString();
        Outcome = run.Interrupted ? InterruptedOutcome : run.Outcome.ToString();
        StartTime = run.StartedAt;
        EndTime = run.EndedAt;
        Duration = run.EndedAt - run.StartedAt;
        Inserted = run.MessagesInserted;
        Updated = run.MessagesUpdated;
        Unchanged = run.MessagesUnchanged;
        Errors = run.Errors;
        MediaStored = run.MediaStored;
        Detail = run.Detail;
        Host = run.Host;
        ProcessId = run.ProcessId;
        Database = database;
    }

    /// <summary>What <see cref="Outcome"/> says of a run recorded as running whose process is gone.</summary>
    internal const string InterruptedOutcome = "Interrupted";

    /// <summary>The run's number in the archive; accepted by Get-SpectraRun -Id.</summary>
    public long RunId { get; }

    /// <summary>Import or Optimize.</summary>
    public string Kind { get; }

    /// <summary>
    /// Succeeded, Partial (some messages could not be written), Failed, Cancelled (stopped), Running, or
    /// Interrupted: recorded as running, but its process is gone without recording its end (the next run on the same
    /// machine records it as Failed).
    /// </summary>
    public string Outcome { get; }

    public DateTimeOffset StartTime { get; }

    /// <summary>When it recorded its end; empty while running and for interrupted runs.</summary>
    public DateTimeOffset? EndTime { get; }

    public TimeSpan? Duration { get; }

    /// <summary>Messages written for the first time.</summary>
    public long Inserted { get; }

    /// <summary>Messages that changed (edits, new fields).</summary>
    public long Updated { get; }

    /// <summary>Messages already archived as they were.</summary>
    public long Unchanged { get; }

    /// <summary>
    /// Problems recorded in the archive's message_errors during the run: messages that could not be read or written
    /// (which make the outcome Partial), and media files refused or unreadable (the message is kept without them).
    /// </summary>
    public long Errors { get; }

    /// <summary>Media files stored.</summary>
    public long MediaStored { get; }

    /// <summary>What the run did: the export file an import read, the steps of an optimize, how it was interrupted.</summary>
    public string? Detail { get; }

    /// <summary>The machine that ran it (empty for runs begun before schema version 5).</summary>
    public string? Host { get; }

    /// <summary>The id of the process that ran it (empty for runs begun before schema version 5).</summary>
    public long? ProcessId { get; }

    public string Database { get; }
}
