using Microsoft.Data.Sqlite;
using Spectra.Core.Hosting;
using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage;

/// <summary>Reading the runs table, for the writer (closing interrupted runs) and the integrity check.</summary>
internal static class ArchiveRuns
{
    /// <summary>
    /// Runs still recorded as 'running', oldest first. Give an archive's <c>schemaVersion</c> when it may be older
    /// than 5, which recorded no process with a run.
    /// </summary>
    public static List<UnfinishedRun> ReadUnfinished(SqliteConnection connection, SqliteTransaction? transaction = null,
        int schemaVersion = int.MaxValue)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT run_id, kind, started_at, detail, "
            + (schemaVersion >= 5 ? "host, process_id, process_started_at" : "NULL, NULL, NULL")
            + " FROM runs WHERE outcome = 'running' ORDER BY run_id";
        using var reader = command.ExecuteReader();
        var runs = new List<UnfinishedRun>();
        while (reader.Read())
        {
            runs.Add(new UnfinishedRun(reader.GetInt64(0), reader.GetString(1), StorageText.FromUnix(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
        }

        return runs;
    }

    /// <summary>Tells the user of each run <see cref="ArchiveWriter.BeginRun"/> found interrupted and closed.</summary>
    public static void ReportInterrupted(IReadOnlyList<UnfinishedRun> runs, IHostMessageSink? sink)
    {
        foreach (var run in runs)
        {
            sink?.Log(HostLogLevel.Warning, "An earlier " + run.Describe() + " never finished: its process ended before it "
                + "could record its end (a crash, a kill or a power cut). It is now recorded as failed. What it wrote is "
                + "kept; running the same command again completes it.");
        }
    }
}
