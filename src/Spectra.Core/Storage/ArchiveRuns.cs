using System.Text.Json;
using Microsoft.Data.Sqlite;
using Spectra.Core.Hosting;
using Spectra.Core.Storage.Model;
using Spectra.Core.Storage.Query;

namespace Spectra.Core.Storage;

/// <summary>The one reader of the runs table: for Get-SpectraRun, the writer (closing interrupted runs) and the integrity check.</summary>
internal static class ArchiveRuns
{
    /// <summary>
    /// Runs matching <paramref name="query"/> (only those still recorded as 'running' with
    /// <paramref name="unfinishedOnly"/>), newest first. Before schema version 5 no process was recorded with a run.
    /// </summary>
    public static IEnumerable<RunView> Read(SqliteConnection connection, SqliteTransaction? transaction, int schemaVersion,
        RunQuery query, bool unfinishedOnly = false)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT run_id, kind, outcome, started_at, ended_at, messages_inserted, messages_updated, messages_unchanged,
                errors, media_stored, detail,
            """ + (schemaVersion >= 5 ? " host, process_id, process_started_at" : " NULL, NULL, NULL") + """

            FROM runs
            WHERE ($ids IS NULL OR run_id IN (SELECT value FROM json_each($ids)))
              AND ($kinds IS NULL OR kind IN (SELECT value FROM json_each($kinds)))
              AND ($after IS NULL OR started_at >= $after)
              AND ($before IS NULL OR started_at < $before)
              AND ($unfinished = 0 OR outcome = 'running')
            ORDER BY run_id DESC
            """;
        command.Parameters.AddWithValue("$ids", query.Ids is { Count: > 0 } ids ? JsonSerializer.Serialize(ids) : DBNull.Value);
        command.Parameters.AddWithValue("$kinds", query.Kinds is { Count: > 0 } kinds
            ? JsonSerializer.Serialize(kinds.Select(StorageText.Of)) : DBNull.Value);
        // Start times are whole seconds: bounds compare by their ceiling, as the message filters do.
        command.Parameters.AddWithValue("$after", query.After is { } after ? StorageText.UnixCeiling(after) : DBNull.Value);
        command.Parameters.AddWithValue("$before", query.Before is { } before ? StorageText.UnixCeiling(before) : DBNull.Value);
        command.Parameters.AddWithValue("$unfinished", unfinishedOnly);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new RunView(reader.GetInt64(0), Enum.Parse<RunKind>(reader.GetString(1), ignoreCase: true),
                Enum.Parse<RunOutcome>(reader.GetString(2), ignoreCase: true), StorageText.FromUnix(reader.GetInt64(3)))
            {
                EndedAt = reader.IsDBNull(4) ? null : StorageText.FromUnix(reader.GetInt64(4)),
                MessagesInserted = reader.GetInt64(5),
                MessagesUpdated = reader.GetInt64(6),
                MessagesUnchanged = reader.GetInt64(7),
                Errors = reader.GetInt64(8),
                MediaStored = reader.GetInt64(9),
                Detail = reader.IsDBNull(10) ? null : reader.GetString(10),
                Host = reader.IsDBNull(11) ? null : reader.GetString(11),
                ProcessId = reader.IsDBNull(12) ? null : reader.GetInt64(12),
                ProcessStartedAt = reader.IsDBNull(13) ? null : reader.GetInt64(13),
            };
        }
    }

    /// <summary>Runs still recorded as 'running', oldest first.</summary>
    public static List<RunView> ReadUnfinished(SqliteConnection connection, SqliteTransaction? transaction = null,
        int schemaVersion = int.MaxValue)
    {
        var runs = Read(connection, transaction, schemaVersion, new RunQuery(), unfinishedOnly: true).ToList();
        runs.Reverse();
        return runs;
    }

    /// <summary>Tells the user of each run <see cref="ArchiveWriter.BeginRun"/> found interrupted and closed.</summary>
    public static void ReportInterrupted(IReadOnlyList<RunView> runs, IHostMessageSink? sink)
    {
        foreach (var run in runs)
        {
            sink?.Log(HostLogLevel.Warning, "An earlier " + run.Describe() + " never finished: its process ended before it "
                + "could record its end (a crash, a kill or a power cut). It is now recorded as failed. What it wrote is "
                + "kept; running the same command again completes it.");
        }
    }
}
