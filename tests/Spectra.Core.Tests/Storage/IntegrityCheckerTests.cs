using Microsoft.Data.Sqlite;
using Spectra.Core.Hosting;
using Spectra.Core.Storage.Integrity;
using Spectra.Core.Storage.Maintenance;
using Spectra.Core.Storage.Model;
using Spectra.Core.Tests.Support;

namespace Spectra.Core.Tests.Storage;

public sealed class IntegrityCheckerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_healthy_archive_passes_every_check_and_is_not_modified(bool deep)
    {
        using var temp = new TempArchive();
        await SeedWithMediaAsync(temp);
        var before = File.ReadAllBytes(temp.DatabasePath);

        var results = Check(temp, deep);

        Assert.All(results, r => Assert.True(r.Status == CheckStatus.Pass, $"{r.Check}: {r.Status} {r.Message}"));
        var expected = deep
            ? new[] { "File", "SchemaVersion", "IntegrityCheck", "ForeignKeys", "Schema", "FullTextIndex", "FullTextContent", "OrphanedRows", "MediaFiles", "MediaHashes", "WalSize", "FreePages", "Statistics", "Runs" }
            : new[] { "File", "SchemaVersion", "QuickCheck", "ForeignKeys", "Schema", "FullTextIndex", "OrphanedRows", "MediaFiles", "WalSize", "FreePages", "Statistics", "Runs" };
        Assert.Equal(expected, results.Select(r => r.Check));
        Assert.Equal(before, File.ReadAllBytes(temp.DatabasePath));
        // SQLite may leave the -shm lock index and an empty log behind (the checker reads under the WAL locks); it
        // never writes a page to either file.
        Assert.Equal(0, File.Exists(temp.DatabasePath + "-wal") ? new FileInfo(temp.DatabasePath + "-wal").Length : 0);
    }

    [Fact]
    public void Flipped_page_bytes_fail_the_page_check()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(3000))
        {
        }

        var pageSize = 4096;
        using (var file = new FileStream(temp.DatabasePath, FileMode.Open, FileAccess.ReadWrite))
        {
            var pages = file.Length / pageSize;
            Assert.True(pages > 20);
            for (var page = pages / 2; page < pages / 2 + 4; page++)
            {
                file.Position = page * pageSize + 8;
                file.Write(Enumerable.Repeat((byte)0xA5, 200).ToArray());
            }
        }

        Assert.Equal(CheckStatus.Fail, Single(Check(temp, deep: false), "QuickCheck").Status);
        Assert.Equal(CheckStatus.Fail, Single(Check(temp, deep: true), "IntegrityCheck").Status);
    }

    [Fact]
    public void A_foreign_key_violation_fails_the_foreign_key_check()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(5))
        {
        }

        Raw(temp, "INSERT INTO message_media (peer_id, message_id, ordinal, kind, missing_reason) VALUES (-1000000001001, 999, 0, 'photo', 'x')");

        var result = Single(Check(temp), "ForeignKeys");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("message_media", result.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Fix);
    }

    [Fact]
    public void A_dropped_index_fails_the_schema_check()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(5))
        {
        }

        Raw(temp, "DROP INDEX messages_peer_date");

        var result = Single(Check(temp), "Schema");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("index messages_peer_date", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_deleted_behind_the_index_fail_the_search_index_check()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(20))
        {
        }

        Raw(temp, "DROP TRIGGER messages_fts_delete; DELETE FROM messages WHERE message_id <= 5");

        var result = Single(Check(temp), "FullTextIndex");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("5 index entr", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_written_behind_the_index_fail_the_search_index_check()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(20))
        {
        }

        // Two new messages the index never saw, one between indexed rows and one after the last.
        Raw(temp, """
            DROP TRIGGER messages_fts_insert;
            INSERT INTO messages (row_id, peer_id, message_id, date, text, archived_at)
            SELECT 1000, peer_id, 1000, 0, 'unseen one', 0 FROM peers LIMIT 1;
            DELETE FROM messages_fts WHERE rowid = 3;
            INSERT INTO messages (row_id, peer_id, message_id, date, text, archived_at)
            SELECT 2000, peer_id, 2000, 0, 'unseen two', 0 FROM peers LIMIT 1;
            """);

        var result = Single(Check(temp), "FullTextIndex");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("3 message(s) not indexed, 0 index entr", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_to_the_search_index_alone_fails_the_search_index_check()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(20))
        {
        }

        Raw(temp, "INSERT INTO messages_fts (rowid, text) VALUES (424242, 'ghost entry')");

        var results = Check(temp);
        Assert.Equal(CheckStatus.Fail, Single(results, "FullTextIndex").Status);
        Assert.Equal(CheckStatus.Pass, Single(results, "Schema").Status);
    }

    [Fact]
    public void A_healthy_archive_in_several_scripts_passes_the_deep_content_check()
    {
        // The deep check walks both term lists in byte order; terms of every script (and folded diacritics) must
        // line up, or a healthy archive would be reported as damaged.
        using var temp = new TempArchive();
        using (var db = temp.OpenSeeded(5))
        using (var writer = db.CreateWriter())
        {
            writer.WriteBatch(TempArchive.Channel().PeerId, [
                TempArchive.Message(6, "Привет мир, café naïve Ünïcödé"),
                TempArchive.Message(7, "東京 ßtraße ÆON zebra Zebra 123 ０１２"),
                TempArchive.Message(8, "émoji 🎉 déjà vu, ПРИВЕТ"),
                TempArchive.Message(9, "a"),
            ]);
        }

        var result = Single(Check(temp, deep: true), "FullTextContent");
        Assert.Equal(CheckStatus.Pass, result.Status);
    }

    [Fact]
    public void A_term_missing_from_one_message_in_the_index_fails_the_deep_content_check()
    {
        using var temp = new TempArchive();
        using (var db = temp.OpenSeeded(5))
        using (var writer = db.CreateWriter())
        {
            writer.WriteBatch(TempArchive.Channel().PeerId, [
                TempArchive.Message(6, "shared alpha"),
                TempArchive.Message(7, "shared beta"),
            ]);
        }

        // The index keeps every term, but 'shared' loses one of its two messages: only re-tokenizing sees it.
        Raw(temp, """
            INSERT INTO messages_fts (messages_fts, rowid, text)
                SELECT 'delete', row_id, text FROM messages WHERE message_id = 7;
            INSERT INTO messages_fts (rowid, text) SELECT row_id, 'beta' FROM messages WHERE message_id = 7;
            """);

        var results = Check(temp, deep: true);
        Assert.Equal(CheckStatus.Pass, Single(results, "FullTextIndex").Status);
        var content = Single(results, "FullTextContent");
        Assert.Equal(CheckStatus.Fail, content.Status);
        Assert.Contains("does not match the message text", content.Message, StringComparison.Ordinal);
        Assert.Contains("RebuildSearchIndex", content.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_words_in_another_order_behind_the_index_fail_the_deep_content_check()
    {
        using var temp = new TempArchive();
        using (var db = temp.OpenSeeded(5))
        using (var writer = db.CreateWriter())
        {
            writer.WriteBatch(TempArchive.Channel().PeerId, [TempArchive.Message(6, "alpha beta gamma")]);
        }

        // Every term still lists exactly the same messages; only their positions moved (phrase search would miss it).
        Raw(temp, """
            DROP TRIGGER messages_fts_update;
            UPDATE messages SET text = 'gamma beta alpha' WHERE message_id = 6;
            """);

        var content = Single(Check(temp, deep: true), "FullTextContent");
        Assert.Equal(CheckStatus.Fail, content.Status);
    }

    [Fact]
    public void A_damaged_search_index_block_fails_the_quick_check_and_the_deep_content_check()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(30))
        {
        }

        // A leaf of the index rewritten with garbage: text and document list are untouched.
        Raw(temp, "UPDATE messages_fts_data SET block = zeroblob(length(block)) WHERE id = (SELECT max(id) FROM messages_fts_data)");

        // With -Deep it is reported once, by the check whose fix is a rebuild: the page check leaves the index's
        // contents to FullTextContent instead of walking them a second time (and advising a restore).
        var results = Check(temp, deep: true);
        Assert.Equal(CheckStatus.Pass, Single(results, "FullTextIndex").Status);
        Assert.Equal(CheckStatus.Fail, Single(results, "FullTextContent").Status);
        Assert.Equal(CheckStatus.Pass, Single(results, "IntegrityCheck").Status);

        // Without -Deep, the quick check's walk of the index (FTS5's structural check) is what sees it; both say
        // that a rebuild mends it, and it does.
        var quick = Single(Check(temp), "QuickCheck");
        Assert.Equal(CheckStatus.Fail, quick.Status);
        Assert.Contains("search index damaged", quick.Message, StringComparison.Ordinal);
        Assert.Contains("RebuildSearchIndex", quick.Fix, StringComparison.Ordinal);
        Assert.Contains("RebuildSearchIndex", Single(results, "FullTextContent").Fix, StringComparison.Ordinal);

        using (var db = temp.Open())
        {
            ArchiveMaintenance.Optimize(db, new OptimizeOptions { RebuildSearchIndex = true });
        }

        Assert.All(Check(temp, deep: true), r => Assert.True(r.Status == CheckStatus.Pass, $"{r.Check}: {r.Message}"));
    }

    [Fact]
    public void The_deep_content_check_gives_the_same_verdicts_when_its_copy_of_the_index_spills_to_disk()
    {
        using var temp = new TempArchive();
        using (var db = temp.OpenSeeded(1))
        using (var writer = db.CreateWriter())
        {
            // Thirty words a message from a wide vocabulary, so that the index has some size.
            writer.WriteBatch(TempArchive.Channel().PeerId, Enumerable.Range(2, 3000)
                .Select(id => TempArchive.Message(id, string.Join(' ', Enumerable.Range(0, 30).Select(j => $"w{((id * 31) + (j * 7919)) % 50_000}"))))
                .ToList());
        }

        // 64 KiB of memory for an index several times that size: the copy lives mostly in a temporary file.
        var spilling = new IntegrityCheckOptions { Deep = true, SearchIndexCopyMemoryKiB = 64 };
        using (var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var size = connection.CreateCommand();
            size.CommandText = "SELECT sum(length(block)) FROM messages_fts_data";
            var bytes = (long)size.ExecuteScalar()!; Assert.True(bytes > 4 * 64 * 1024, $"the index ({bytes} bytes) must outgrow the memory allowed");
        }

        Assert.Equal(CheckStatus.Pass, new IntegrityChecker(temp.DatabasePath, spilling).Run().Single(r => r.Check == "FullTextContent").Status);

        Raw(temp, """
            DROP TRIGGER messages_fts_update;
            UPDATE messages SET text = 'replaced words entirely' WHERE message_id = 2999;
            """);
        Assert.Equal(CheckStatus.Fail, new IntegrityChecker(temp.DatabasePath, spilling).Run().Single(r => r.Check == "FullTextContent").Status);
    }

    [Fact]
    public void An_archive_not_yet_upgraded_is_checked_as_it_is_by_the_deep_content_check()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(40))
        {
        }

        // Back to what a version-1 archive had: FTS5's default merge width and the version mark.
        Raw(temp, "DELETE FROM messages_fts_config WHERE k = 'automerge'; PRAGMA user_version = 1;");

        var results = Check(temp, deep: true);
        Assert.Equal(CheckStatus.Warn, Single(results, "SchemaVersion").Status);
        Assert.Equal(CheckStatus.Pass, Single(results, "FullTextContent").Status);
        Assert.Equal(CheckStatus.Pass, Single(results, "IntegrityCheck").Status);
    }

    public static TheoryData<int> EarlierVersions()
    {
        var data = new TheoryData<int>();
        for (var version = 1; version < Spectra.Core.Storage.Migrations.SchemaMigrations.LatestVersion; version++)
        {
            data.Add(version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EarlierVersions))]
    public void An_archive_of_an_earlier_version_is_not_reported_as_damaged(int version)
    {
        // An archive a previous Spectra wrote and nothing has upgraded yet: the read-only check cannot upgrade it,
        // and its older tables are not damage (it once failed here and advised restoring a backup).
        using var temp = new TempArchive();
        using (var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False"))
        {
            connection.Open();
            Spectra.Core.Storage.Migrations.SchemaMigrator.Migrate(connection, temp.DatabasePath, version);
        }

        var results = Check(temp, deep: true);

        Assert.Equal(CheckStatus.Warn, Single(results, "SchemaVersion").Status);
        var schema = Single(results, "Schema");
        Assert.True(schema.Status == CheckStatus.Pass, schema.Message);
        Assert.Contains($"schema version {version}", schema.Message, StringComparison.Ordinal);
        Assert.All(results, r => Assert.True(r.Status != CheckStatus.Fail, $"{r.Check}: {r.Message}"));
    }

    [Fact]
    public void The_deep_content_check_passes_beside_an_open_writer()
    {
        using var temp = new TempArchive();
        using var db = temp.OpenSeeded(20);
        using var writer = db.CreateWriter();
        Assert.True(File.Exists(temp.DatabasePath + "-wal"));

        Assert.Equal(CheckStatus.Pass, Single(Check(temp, deep: true), "FullTextContent").Status);

        // Not opened immutable (a log exists): the check reads through the WAL, and sees what the writer commits next.
        writer.WriteBatch(TempArchive.Channel().PeerId, [TempArchive.Message(21, "written after the check")]);
        Assert.Equal(CheckStatus.Pass, Single(Check(temp, deep: true), "FullTextContent").Status);
    }

    [Fact]
    public void A_cancelled_deep_check_stops_and_leaves_the_archive_openable()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(50))
        {
        }

        using var cancellation = new CancellationTokenSource();
        var seen = new List<string>();
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var result in new IntegrityChecker(temp.DatabasePath, new IntegrityCheckOptions { Deep = true }).Run(cancellation.Token))
            {
                seen.Add(result.Check);
                if (result.Check == "IntegrityCheck")
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.DoesNotContain("FullTextContent", seen);
        Assert.All(Check(temp, deep: true), r => Assert.NotEqual(CheckStatus.Fail, r.Status));
    }

    [Fact]
    public void Text_changed_behind_the_index_fails_the_deep_content_check()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(20))
        {
        }

        // Same documents, different words: only re-tokenizing (-Deep) can see it.
        Raw(temp, """
            DROP TRIGGER messages_fts_update;
            UPDATE messages SET text = 'replaced words entirely' WHERE message_id = 3;
            CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages WHEN old.text IS NOT new.text
            BEGIN
                INSERT INTO messages_fts (messages_fts, rowid, text)
                    SELECT 'delete', old.row_id, old.text WHERE old.text IS NOT NULL;
                INSERT INTO messages_fts (rowid, text)
                    SELECT new.row_id, new.text WHERE new.text IS NOT NULL;
            END;
            """);

        Assert.Equal(CheckStatus.Pass, Single(Check(temp), "Schema").Status);
        Assert.Equal(CheckStatus.Fail, Single(Check(temp, deep: true), "FullTextContent").Status);
    }

    [Fact]
    public async Task A_deleted_media_file_fails_the_media_check()
    {
        using var temp = new TempArchive();
        var record = await SeedWithMediaAsync(temp);
        File.Delete(Path.Combine(temp.Directory, "media", record.RelativePath));

        var result = Single(Check(temp), "MediaFiles");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("1 of 1 media file(s) missing", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_media_file_fails_the_deep_hash_check()
    {
        using var temp = new TempArchive();
        var record = await SeedWithMediaAsync(temp);
        var path = Path.Combine(temp.Directory, "media", record.RelativePath);
        var bytes = File.ReadAllBytes(path);
        bytes[10] ^= 0xFF;
        File.SetAttributes(path, FileAttributes.Normal);
        File.WriteAllBytes(path, bytes);

        Assert.Equal(CheckStatus.Pass, Single(Check(temp), "MediaFiles").Status);
        Assert.Equal(CheckStatus.Fail, Single(Check(temp, deep: true), "MediaHashes").Status);
    }

    [Fact]
    public async Task A_foreign_file_in_the_media_directory_is_a_warning()
    {
        using var temp = new TempArchive();
        await SeedWithMediaAsync(temp);
        File.WriteAllText(Path.Combine(temp.Directory, "media", "notes.txt"), "x");

        var result = Single(Check(temp), "UnexpectedMediaFiles");
        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("notes.txt", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a database at all, just text", "wrong header")]
    [InlineData("", "The file is empty (0 bytes)")]
    public void A_file_that_is_not_a_database_is_a_fail_not_a_crash(string content, string said)
    {
        using var temp = new TempArchive();
        File.WriteAllText(temp.DatabasePath, content);
        var results = Check(temp);
        var file = Assert.Single(results);
        Assert.Equal(("File", CheckStatus.Fail), (file.Check, file.Status));
        Assert.Contains(said, file.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_fail()
    {
        using var temp = new TempArchive();
        var file = Assert.Single(Check(temp));
        Assert.Equal(CheckStatus.Fail, file.Status);
    }

    [Fact]
    public void A_folder_is_a_fail_that_says_it_is_a_folder()
    {
        using var temp = new TempArchive();
        var file = Assert.Single(new IntegrityChecker(temp.Directory).Run());
        Assert.Equal(("File", CheckStatus.Fail), (file.Check, file.Status));
        Assert.Contains("is a folder", file.Message, StringComparison.Ordinal);
        Assert.Contains("*.db", file.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sqlite_file_that_is_not_an_archive_fails_the_version_check_and_skips_schema_checks()
    {
        using var temp = new TempArchive();
        Raw(temp, "CREATE TABLE notes (id INTEGER PRIMARY KEY)");
        var results = Check(temp);
        Assert.Equal(CheckStatus.Fail, Single(results, "SchemaVersion").Status);
        Assert.DoesNotContain(results, r => r.Check == "Schema");
    }

    [Fact]
    public void The_check_reads_through_the_log_of_an_open_writer()
    {
        using var temp = new TempArchive();
        using var db = temp.OpenSeeded(50);
        Assert.True(File.Exists(temp.DatabasePath + "-wal"));
        var results = Check(temp);
        Assert.All(results, r => Assert.NotEqual(CheckStatus.Fail, r.Status));
    }

    [Fact]
    public async Task A_writer_that_commits_and_checkpoints_during_a_check_is_not_reported_as_damage()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(3000))
        {
        }

        // The archive is idle when the check opens it; the writer starts once it has (at the first check's
        // progress report) and rewrites and checkpoints until the check is done, so statements of the checker on
        // every connection run while pages change under them.
        Assert.False(File.Exists(temp.DatabasePath + "-wal"));
        using var done = new CancellationTokenSource();
        var rewrites = 0;
        Task? writer = null;
        var sink = new OnFirstProgress(() => writer = Task.Run(() =>
        {
            do
            {
                temp.RewriteEveryMessageAndCheckpoint();
                rewrites++;
            }
            while (!done.IsCancellationRequested);
        }));

        var results = new IntegrityChecker(temp.DatabasePath, new IntegrityCheckOptions { Deep = true }, sink).Run().ToList();
        done.Cancel();
        await writer!;

        Assert.True(rewrites > 0);
        Assert.All(results, r => Assert.True(r.Status != CheckStatus.Fail, $"{r.Check}: {r.Status} {r.Message}"));
    }

    [SkippableFact]
    public void An_archive_in_a_folder_that_cannot_be_written_is_checked_without_creating_files()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(50))
        {
        }

        var before = Directory.GetFiles(temp.Directory).Order().ToList();
        using (ReadOnlyFolder.Make(temp.Directory))
        {
            Assert.All(Check(temp, deep: true), r => Assert.True(r.Status == CheckStatus.Pass, $"{r.Check}: {r.Status} {r.Message}"));
        }

        Assert.Equal(before, Directory.GetFiles(temp.Directory).Order());
    }

    internal static async Task<MediaRecord> SeedWithMediaAsync(TempArchive temp)
    {
        using var db = temp.OpenSeeded(10);
        var record = await db.Media.StoreAsync(new MemoryStream(Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray()), "photo.jpg", null);
        using var writer = db.CreateWriter();
        writer.WriteBatch(TempArchive.Channel().PeerId, [TempArchive.Message(11) with
        {
            Media = [new ArchivedMedia("photo") { Stored = record, OriginalName = "photo.jpg" }, new ArchivedMedia("document") { MissingReason = "not exported" }],
        }]);
        return record;
    }

    internal static List<IntegrityCheckResult> Check(TempArchive temp, bool deep = false) =>
        new IntegrityChecker(temp.DatabasePath, new IntegrityCheckOptions { Deep = deep }).Run().ToList();

    private static IntegrityCheckResult Single(IEnumerable<IntegrityCheckResult> results, string check) =>
        Assert.Single(results, r => r.Check == check);

    /// <summary>Writes behind Spectra's back, the way a damaging tool would: foreign keys off, no Spectra code.</summary>
    private static void Raw(TempArchive temp, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = OFF; " + sql;
        command.ExecuteNonQuery();
    }

    private sealed class OnFirstProgress(Action action) : IHostMessageSink
    {
        private bool _started;

        public void Log(HostLogLevel level, string message)
        {
        }

        public void Progress(ProgressInfo progress)
        {
            if (!_started)
            {
                _started = true;
                action();
            }
        }
    }
}
