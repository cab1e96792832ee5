using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Spectra.Core.Errors;
using Spectra.Core.Hosting;
using Spectra.Core.Import;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Integrity;
using Spectra.Core.Storage.Maintenance;
using Spectra.Core.Storage.Model;
using Spectra.Core.Tests.Import;
using SQLitePCL;
using static Spectra.Core.Tests.Storage.MigrationTests;

namespace Spectra.Core.Tests.Storage;

/// <summary>
/// What the write path does when the environment fails it (another program's lock, a read-only file, a full disk, a
/// folder that cannot exist) and when it is stopped: errors with ids and the cause, nothing half-written, and a
/// re-run that completes once the cause is gone.
/// </summary>
public sealed class WriteFailureTests
{
    private static readonly ArchiveOptions ShortWait = new() { BusyTimeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task An_import_into_an_archive_another_program_locked_is_DatabaseBusy_and_a_rerun_completes()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(3))
        {
        }

        using var db = ArchiveDatabase.Open(temp.DatabasePath, ShortWait);
        using (var other = LockForWriting(temp.DatabasePath))
        {
            var error = await Assert.ThrowsAsync<SpectraException>(() => Import(db));
            Assert.Equal("DatabaseBusy", error.ErrorId);
            Assert.Equal(SpectraErrorCategory.ResourceBusy, error.Category);
            Assert.Contains("database is locked", error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.Fix);
        }

        var chats = await Import(db);
        Assert.Equal(54, chats.Sum(c => c.Imported));
    }

    [Fact]
    public void A_read_only_archive_is_DatabaseReadOnly_and_nothing_is_half_written()
    {
        using var temp = new TempArchive();
        using var db = temp.OpenSeeded(3);
        using var writer = db.CreateWriter();
        // query_only makes SQLite refuse every write with SQLITE_READONLY, as a write-protected file does
        // (file modes do not stop root, who runs these tests; the Pester test covers a real read-only file).
        SqliteConnections.Execute(db.Connection, "PRAGMA query_only = ON");
        var batch = Enumerable.Range(10, 5).Select(i => TempArchive.Message(i)).ToList();

        var error = Assert.Throws<SpectraException>(() => writer.WriteBatch(TempArchive.Channel().PeerId, batch));
        Assert.Equal("DatabaseReadOnly", error.ErrorId);
        Assert.Equal(SpectraErrorCategory.PermissionDenied, error.Category);
        Assert.Contains("readonly database", error.Message, StringComparison.Ordinal);
        Assert.Equal("DatabaseReadOnly", Assert.Throws<SpectraException>(() => writer.BeginRun(RunKind.Import)).ErrorId);

        SqliteConnections.Execute(db.Connection, "PRAGMA query_only = OFF");
        Assert.Equal(5, writer.WriteBatch(TempArchive.Channel().PeerId, batch).Inserted);
    }

    [Fact]
    public async Task A_full_disk_is_DiskFull_with_the_real_cause_and_the_import_resumes_after_space_is_freed()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        // The file may not grow: every new page fails with SQLITE_FULL, as on a full disk. SQLite rolls the batch
        // back itself, so the writer's own rollback finds no transaction; that must not hide the cause.
        var pages = Scalar(db.Connection, "PRAGMA page_count");
        SqliteConnections.Execute(db.Connection, $"PRAGMA max_page_count = {pages}");

        var error = await Assert.ThrowsAsync<SpectraException>(() => Import(db));
        Assert.Equal("DiskFull", error.ErrorId);
        Assert.Equal(SpectraErrorCategory.WriteError, error.Category);
        Assert.Contains("full", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot rollback", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar(db.Connection, "SELECT count(*) FROM messages"));
        Assert.Equal(1L, Scalar(db.Connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'messages_fts_insert'"));

        SqliteConnections.Execute(db.Connection, "PRAGMA max_page_count = 1000000");
        var chats = await Import(db);
        Assert.Equal(54, chats.Sum(c => c.Imported));
        Assert.Equal(54L, Scalar(db.Connection, "SELECT count(*) FROM messages"));
        Assert.Equal(CheckStatus.Pass, IntegrityCheckerTests.Check(temp).Single(r => r.Check == "FullTextIndex").Status);
    }

    [Fact]
    public void A_database_path_through_a_file_is_DatabaseFolderUnavailable()
    {
        using var temp = new TempArchive();
        var blocker = Path.Combine(temp.Directory, "sample.db");
        File.WriteAllText(blocker, "a file, not a folder");

        var error = Assert.Throws<SpectraException>(() => ArchiveDatabase.Open(Path.Combine(blocker, "sub", "x.db")));
        Assert.Equal("DatabaseFolderUnavailable", error.ErrorId);
        Assert.Equal(SpectraErrorCategory.WriteError, error.Category);
        Assert.Equal(Path.Combine(blocker, "sub", "x.db"), error.Location?.File);
        Assert.Equal("a file, not a folder", File.ReadAllText(blocker));
    }

    [Fact]
    public void Optimize_reports_a_checkpoint_that_a_reader_kept_from_finishing()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(500))
        {
        }

        using var db = ArchiveDatabase.Open(temp.DatabasePath, ShortWait);
        using var reader = new SqliteConnection($"Data Source={temp.DatabasePath};Mode=ReadOnly;Pooling=False");
        reader.Open();
        using var snapshot = reader.BeginTransaction(deferred: true);
        using (var read = reader.CreateCommand())
        {
            read.Transaction = snapshot;
            read.CommandText = "SELECT count(*) FROM messages";
            read.ExecuteScalar();
        }

        var sink = new RecordingSink();
        var result = ArchiveMaintenance.Optimize(db, new OptimizeOptions(), sink);

        Assert.True(result.CheckpointBusy);
        Assert.True(result.WalAfter > 0);
        Assert.Contains(sink.Logs, l => l.StartsWith("Warning: ", StringComparison.Ordinal) && l.Contains("run Optimize-SpectraDatabase again", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("partial", Scalar(db.Connection, "SELECT outcome FROM runs WHERE kind = 'optimize'"));

        snapshot.Commit();
        var again = ArchiveMaintenance.Optimize(db, new OptimizeOptions { Vacuum = false });
        Assert.False(again.CheckpointBusy);
        Assert.Equal(0L, again.WalAfter);
    }

    [Fact]
    public void Stopping_Optimize_while_another_program_holds_the_lock_returns_promptly_and_changes_nothing()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(50))
        {
        }

        using var db = temp.Open(); // the default 30 s busy timeout: the stop, not the timeout, must end the wait
        using var other = LockForWriting(temp.DatabasePath);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => ArchiveMaintenance.Optimize(db, new OptimizeOptions(), null, stop.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {clock.Elapsed.TotalSeconds:F1} s");
        other.Dispose();
        Assert.Equal(0L, Scalar(db.Connection, "SELECT count(*) FROM runs WHERE kind = 'optimize'"));
        Assert.Equal(50L, Scalar(db.Connection, "SELECT count(*) FROM messages"));
    }

    [Fact]
    public void A_stopped_VACUUM_is_rolled_back_and_recorded_as_cancelled()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(20_000))
        {
        }

        using var db = temp.Open();
        using var stop = new CancellationTokenSource();
        // Stopped from inside VACUUM, some 20,000 SQLite instructions into it: SQLite calls the progress handler
        // while the statement runs, so the stop lands mid-statement on any machine, however fast.
        var vacuuming = false;
        var calls = 0;
        raw.sqlite3_progress_handler(db.Connection.Handle, 1000, _ =>
        {
            if (vacuuming && ++calls == 20)
            {
                stop.Cancel();
            }

            return 0;
        }, null);
        var sink = new CallbackSink(p => vacuuming |= p.Status == "VACUUM");

        Assert.ThrowsAny<OperationCanceledException>(() => ArchiveMaintenance.Optimize(db, new OptimizeOptions(), sink, stop.Token));

        Assert.Equal("cancelled", Scalar(db.Connection, "SELECT outcome FROM runs WHERE kind = 'optimize'"));
        Assert.Equal("stopped after: ANALYZE, optimize search index", Scalar(db.Connection, "SELECT detail FROM runs WHERE kind = 'optimize'"));
        Assert.True(calls >= 20, "VACUUM was running when stopped");
        Assert.Equal(20_000L, Scalar(db.Connection, "SELECT count(*) FROM messages"));
        Assert.Equal("ok", Scalar(db.Connection, "PRAGMA integrity_check"));
    }

    [Fact]
    public void A_backup_stopped_mid_copy_leaves_nothing_at_the_destination()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(3000))
        {
        }

        var folder = Directory.CreateDirectory(Path.Combine(temp.Directory, "backups")).FullName;
        var destination = Path.Combine(folder, "copy.db");
        using var stop = new CancellationTokenSource();
        var steps = 0;
        var sink = new CallbackSink(p =>
        {
            if (p.Status.Contains(" pages", StringComparison.Ordinal) && ++steps == 2)
            {
                stop.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ArchiveMaintenance.Backup(temp.DatabasePath, destination, false, sink, stop.Token, pagesPerStep: 2));

        Assert.Equal(2, steps);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));

        // Not stopped, the same small steps give a complete copy.
        var result = ArchiveMaintenance.Backup(temp.DatabasePath, destination, false, null, CancellationToken.None, pagesPerStep: 2);
        Assert.Equal(3000, result.Messages);
    }

    private static async Task<IReadOnlyList<ImportChatSummary>> Import(ArchiveDatabase db) =>
        await new TdesktopImporter(db, new RecordingSink()).ImportAsync(SampleExport.Folder, null, CancellationToken.None);

    /// <summary>Another program's write transaction (what <c>sqlite3 db "BEGIN EXCLUSIVE; ..."</c> holds).</summary>
    private static SqliteConnection LockForWriting(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        SqliteConnections.Execute(connection, "BEGIN EXCLUSIVE; SELECT 1;");
        return connection;
    }

    private sealed class CallbackSink(Action<ProgressInfo> onProgress) : IHostMessageSink
    {
        public void Log(HostLogLevel level, string message)
        {
        }

        public void Progress(ProgressInfo progress) => onProgress(progress);
    }
}
