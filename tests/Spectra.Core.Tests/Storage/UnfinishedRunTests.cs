using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Integrity;
using Spectra.Core.Storage.Migrations;
using Spectra.Core.Storage.Model;

namespace Spectra.Core.Tests.Storage;

/// <summary>Runs whose process ended without recording their end (a crash, a kill, a power cut).</summary>
public sealed class UnfinishedRunTests
{
    private static readonly long s_pid = Environment.ProcessId;
    private static readonly long s_started = RunOwner.Current.ProcessStartedAt!.Value;

    [Fact]
    public void A_run_records_the_process_that_runs_it()
    {
        using var temp = new TempArchive();
        using var db = temp.OpenSeeded(1);
        using var writer = db.CreateWriter();
        var run = writer.BeginRun(RunKind.Import, detail: "x");

        var row = Query(temp, $"SELECT host, process_id, process_started_at FROM runs WHERE run_id = {run}");
        Assert.Equal(Environment.MachineName, row[0]);
        Assert.Equal(s_pid, row[1]);
        using var self = Process.GetCurrentProcess();
        Assert.InRange((long)row[2]!, new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeSeconds() - 2,
            new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeSeconds() + 2);
    }

    [Fact]
    public void The_next_run_records_the_interrupted_ones_as_failed_and_leaves_live_and_foreign_ones_alone()
    {
        using var temp = new TempArchive();
        using var db = temp.OpenSeeded(1);
        // Same id as this process but another start time: the id was reused, the run's process is gone.
        var gone = InsertRunning(temp, Environment.MachineName, s_pid, s_started - 3600, "tdesktop-json /x/result.json");
        var live = InsertRunning(temp, Environment.MachineName, s_pid, s_started, "still going");
        var foreign = InsertRunning(temp, "some-other-machine", 1, 1, "elsewhere");
        var old = InsertRunning(temp, null, null, null, "from before version 5");

        using var writer = db.CreateWriter();
        var run = writer.BeginRun(RunKind.Import);

        Assert.Equal([gone, old], writer.InterruptedRuns.Select(r => r.RunId));
        Assert.Equal("failed", Query(temp, $"SELECT outcome FROM runs WHERE run_id = {gone}")[0]);
        Assert.Equal("tdesktop-json /x/result.json; interrupted: its process ended without recording the end of the run",
            Query(temp, $"SELECT detail FROM runs WHERE run_id = {gone}")[0]);
        Assert.Equal("failed", Query(temp, $"SELECT outcome FROM runs WHERE run_id = {old}")[0]);
        Assert.Equal("running", Query(temp, $"SELECT outcome FROM runs WHERE run_id = {live}")[0]);
        Assert.Equal("running", Query(temp, $"SELECT outcome FROM runs WHERE run_id = {foreign}")[0]);
        Assert.Equal("running", Query(temp, $"SELECT outcome FROM runs WHERE run_id = {run}")[0]);
    }

    [Fact]
    public void A_run_wrongly_taken_for_interrupted_still_records_its_real_end()
    {
        using var temp = new TempArchive();
        using var db = temp.OpenSeeded(1);
        using var first = db.CreateWriter();
        var run = first.BeginRun(RunKind.Import, detail: "tdesktop-json /x/result.json");
        using var bare = db.CreateWriter();
        var bareRun = bare.BeginRun(RunKind.Optimize);
        // As if the ids had been reused (or the runs were seen from another process namespace).
        Execute(temp, $"UPDATE runs SET process_started_at = 1 WHERE run_id IN ({run}, {bareRun})");
        using (var second = db.CreateWriter())
        {
            second.BeginRun(RunKind.Optimize);
            Assert.Equal("failed", Query(temp, $"SELECT outcome FROM runs WHERE run_id = {run}")[0]);
            Assert.EndsWith("; interrupted: its process ended without recording the end of the run",
                (string)Query(temp, $"SELECT detail FROM runs WHERE run_id = {run}")[0]!, StringComparison.Ordinal);
        }

        first.CompleteRun(RunOutcome.Succeeded);
        bare.CompleteRun(RunOutcome.Succeeded);
        Assert.Equal("succeeded", Query(temp, $"SELECT outcome FROM runs WHERE run_id = {run}")[0]);
        // Its detail no longer says it was interrupted.
        Assert.Equal("tdesktop-json /x/result.json", Query(temp, $"SELECT detail FROM runs WHERE run_id = {run}")[0]);
        Assert.Null(Query(temp, $"SELECT detail FROM runs WHERE run_id = {bareRun}")[0]);
    }

    [Fact]
    public void The_check_passes_with_no_unfinished_run_and_names_one_in_progress()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(1))
        {
        }

        var none = Runs(temp);
        Assert.Equal(CheckStatus.Pass, none.Status);
        Assert.Contains("none left unfinished", none.Message, StringComparison.Ordinal);

        var live = InsertRunning(temp, Environment.MachineName, s_pid, s_started, "still going");
        var going = Runs(temp);
        Assert.Equal(CheckStatus.Pass, going.Status);
        Assert.Contains($"in progress: run {live} (import: still going, started ", going.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_warns_of_an_interrupted_run_until_the_next_run_records_it()
    {
        using var temp = new TempArchive();
        using var db = temp.OpenSeeded(1);
        var gone = InsertRunning(temp, Environment.MachineName, s_pid, s_started - 3600, "tdesktop-json /x/result.json");

        var warned = Runs(temp);
        Assert.Equal(CheckStatus.Warn, warned.Status);
        Assert.Contains($"Interrupted (never recorded an end, and the process that ran it is gone): run {gone} (import: tdesktop-json /x/result.json, started 2023-11-14 22:13:20 UTC).",
            warned.Message, StringComparison.Ordinal);
        Assert.Contains("run the interrupted command again", warned.Fix, StringComparison.Ordinal);

        using (var writer = db.CreateWriter())
        {
            writer.BeginRun(RunKind.Optimize);
            writer.CompleteRun(RunOutcome.Succeeded);
        }

        Assert.Equal(CheckStatus.Pass, Runs(temp).Status);
    }

    [Fact]
    public void The_check_warns_of_a_run_whose_process_it_cannot_see()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(1))
        {
        }

        InsertRunning(temp, "some-other-machine", 1, 1, "elsewhere");
        var result = Runs(temp);
        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("whether still going cannot be told here", result.Message, StringComparison.Ordinal);
        Assert.Contains("begun on another machine", result.Message, StringComparison.Ordinal);
        Assert.Contains("closed only by a run there", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_reads_the_runs_of_an_archive_from_before_version_5()
    {
        using var temp = new TempArchive();
        using (var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False"))
        {
            connection.Open();
            SchemaMigrator.Migrate(connection, temp.DatabasePath, 4);
        }

        Execute(temp, "INSERT INTO runs (kind, started_at) VALUES ('import', 1700000000)");
        var result = Runs(temp);
        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("(begun before schema version 5, which records the process)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_start_bounds_between_whole_seconds_keep_after_inclusive_and_before_exclusive()
    {
        // Run start times are whole seconds; a bound with a fraction (Get-Date carries one) was rounded down, so
        // -After 00:00:00.5 still listed a run started at 00:00:00 and -Before 00:00:00.5 dropped it.
        using var temp = new TempArchive();
        using (temp.OpenSeeded(1))
        {
        }

        var run = InsertRunning(temp, null, null, null, "x");
        var start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        using var reader = Spectra.Core.Storage.Query.ArchiveReader.Open(temp.DatabasePath);
        Assert.Empty(reader.GetRuns(new Spectra.Core.Storage.Query.RunQuery { After = start.AddMilliseconds(500) }));
        Assert.Equal([run], reader.GetRuns(new Spectra.Core.Storage.Query.RunQuery { Before = start.AddMilliseconds(500) }).Select(r => r.RunId));
        Assert.Equal([run], reader.GetRuns(new Spectra.Core.Storage.Query.RunQuery { After = start }).Select(r => r.RunId));
    }

    private static IntegrityCheckResult Runs(TempArchive temp) =>
        Assert.Single(IntegrityCheckerTests.Check(temp), r => r.Check == "Runs");

    private static long InsertRunning(TempArchive temp, string? host, long? pid, long? started, string detail)
    {
        using var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs (kind, started_at, detail, host, process_id, process_started_at)
            VALUES ('import', 1700000000, $detail, $host, $pid, $started) RETURNING run_id
            """;
        command.Parameters.AddWithValue("$detail", detail);
        command.Parameters.AddWithValue("$host", (object?)host ?? DBNull.Value);
        command.Parameters.AddWithValue("$pid", (object?)pid ?? DBNull.Value);
        command.Parameters.AddWithValue("$started", (object?)started ?? DBNull.Value);
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(TempArchive temp, string sql) => Query(temp, sql);

    private static object?[] Query(TempArchive temp, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return [];
        }

        var values = new object?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return values;
    }
}
