using Microsoft.Data.Sqlite;
using Spectra.Core.Errors;
using Spectra.Core.Storage.Integrity;
using Spectra.Core.Storage.Maintenance;
using Spectra.Core.Storage.Model;
using static Spectra.Core.Tests.Storage.MigrationTests;

namespace Spectra.Core.Tests.Storage;

public sealed class MaintenanceTests
{
    [Fact]
    public async Task A_backup_taken_while_a_writer_commits_is_a_consistent_snapshot()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(2000))
        {
        }

        using var stop = new CancellationTokenSource();
        var written = 0;
        var writerTask = Task.Run(() =>
        {
            using var db = temp.Open();
            using var writer = db.CreateWriter();
            var peer = TempArchive.Channel();
            var next = 10_000;
            while (!stop.IsCancellationRequested)
            {
                var batch = Enumerable.Range(next, 200).Select(i => TempArchive.Message(i, "concurrent write " + i)).ToList();
                writer.WriteBatch(peer.PeerId, batch, new SyncStateUpdate(SyncStatus.Running));
                next += 200;
                Interlocked.Add(ref written, 200);
            }
        });

        SpinWait.SpinUntil(() => Volatile.Read(ref written) >= 1000, TimeSpan.FromSeconds(30));
        var backups = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var destination = Path.Combine(temp.Directory, $"backup-{i}.db");
            // In small steps, so the writer commits between them: each step must still copy the same snapshot.
            var result = ArchiveMaintenance.Backup(temp.DatabasePath, destination, false, null, CancellationToken.None, pagesPerStep: 16);
            Assert.True(result.Messages >= 2000);
            backups.Add(destination);
        }

        stop.Cancel();
        await writerTask;
        Assert.True(written > 1000, "the writer kept committing during the backups");

        foreach (var backup in backups)
        {
            using var connection = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False");
            connection.Open();
            // Whole batches only, and the sync state describes exactly the messages present.
            var count = (long)Scalar(connection, "SELECT count(*) FROM messages")!;
            Assert.Equal(0, (count - 2000) % 200);
            Assert.Equal(Scalar(connection, "SELECT max(message_id) FROM messages"), Scalar(connection, "SELECT highest_message_id FROM sync_state"));
            var results = new IntegrityChecker(backup).Run().ToList();
            Assert.All(results, r => Assert.True(r.Status != CheckStatus.Fail, $"{r.Check}: {r.Message}"));
        }
    }

    [Fact]
    public void A_backup_never_overwrites_without_permission()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(3))
        {
        }

        var destination = Path.Combine(temp.Directory, "copy.db");
        File.WriteAllText(destination, "keep me");
        var error = Assert.Throws<SpectraException>(() => ArchiveMaintenance.Backup(temp.DatabasePath, destination));
        Assert.Equal("BackupDestinationExists", error.ErrorId);
        Assert.Equal("keep me", File.ReadAllText(destination));
        ArchiveMaintenance.Backup(temp.DatabasePath, destination, overwrite: true);
        Assert.Equal(CheckStatus.Pass, new IntegrityChecker(destination).Run().First(r => r.Check == "QuickCheck").Status);
        Assert.Equal("BackupOntoSource", Assert.Throws<SpectraException>(() => ArchiveMaintenance.Backup(temp.DatabasePath, temp.DatabasePath, true)).ErrorId);
    }

    [Fact]
    public void A_backup_into_a_folder_takes_the_archive_name_and_file_system_failures_are_errors_with_an_id()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(3))
        {
        }

        var folder = Directory.CreateDirectory(Path.Combine(temp.Directory, "backups")).FullName;
        var result = ArchiveMaintenance.Backup(temp.DatabasePath, folder);
        Assert.Equal(Path.Combine(folder, Path.GetFileName(temp.DatabasePath)), result.Destination);
        Assert.Equal(3, result.Messages);

        // Not yet there, but named as a folder by its trailing separator.
        var named = Path.Combine(temp.Directory, "later") + Path.DirectorySeparatorChar;
        Assert.Equal(Path.Combine(named, Path.GetFileName(temp.DatabasePath)), ArchiveMaintenance.Backup(temp.DatabasePath, named).Destination);

        // A file where the destination's folder should be: the folder cannot be made.
        var blocker = Path.Combine(temp.Directory, "blocker");
        File.WriteAllText(blocker, "a file, not a folder");
        var error = Assert.Throws<SpectraException>(() => ArchiveMaintenance.Backup(temp.DatabasePath, Path.Combine(blocker, "copy.db")));
        Assert.Equal("BackupFailed", error.ErrorId);
        Assert.Equal(SpectraErrorCategory.WriteError, error.Category);
        Assert.Equal("a file, not a folder", File.ReadAllText(blocker));
    }

    [Fact]
    public void Optimize_refreshes_statistics_truncates_the_log_and_rebuilds_a_broken_search_index()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(12_000))
        {
        }

        using (var raw = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "INSERT INTO messages_fts (rowid, text) VALUES (424242, 'ghost')";
            command.ExecuteNonQuery();
        }

        var before = IntegrityCheckerTests.Check(temp);
        Assert.Equal(CheckStatus.Warn, before.Single(r => r.Check == "Statistics").Status);
        Assert.Equal(CheckStatus.Fail, before.Single(r => r.Check == "FullTextIndex").Status);

        OptimizeResult result;
        using (var db = temp.Open())
        {
            result = ArchiveMaintenance.Optimize(db, new OptimizeOptions { RebuildSearchIndex = true });
            Assert.Equal(0L, result.WalAfter);
            Assert.Equal(1L, Scalar(db.Connection, "SELECT count(*) FROM runs WHERE kind = 'optimize' AND outcome = 'succeeded'"));
        }

        Assert.Equal(5, result.Steps.Count);
        var after = IntegrityCheckerTests.Check(temp, deep: true);
        Assert.All(after, r => Assert.True(r.Status == CheckStatus.Pass, $"{r.Check}: {r.Message}"));
    }
}
