using Spectra.Core.Errors;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;
using static Spectra.Core.Tests.Storage.MigrationTests;

namespace Spectra.Core.Tests.Storage;

public sealed class ArchiveWriterTests
{
    [Fact]
    public void Writing_the_same_batch_twice_adds_nothing()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        using var writer = db.CreateWriter();
        var peer = TempArchive.Channel();
        writer.UpsertPeer(peer);
        var batch = Enumerable.Range(1, 50).Select(i => TempArchive.Message(i)).ToList();

        var first = writer.WriteBatch(peer.PeerId, batch);
        var second = writer.WriteBatch(peer.PeerId, batch);

        Assert.Equal((50, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 50), (second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(50L, Scalar(db.Connection, "SELECT count(*) FROM messages"));
        Assert.Equal(0L, Scalar(db.Connection, "SELECT count(*) FROM message_versions"));
        Assert.Equal(50L, Scalar(db.Connection, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'number'"));
    }

    [Fact]
    public void An_edit_keeps_the_earlier_text_as_a_version_and_reindexes_it()
    {
        using var temp = new TempArchive();
        using var db = temp.OpenSeeded(3);
        using var writer = db.CreateWriter();
        var peer = TempArchive.Channel();
        var edited = TempArchive.Message(2, "completely rewritten") with { EditDate = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000) };

        var result = writer.WriteBatch(peer.PeerId, [edited]);

        Assert.Equal(1, result.Updated);
        Assert.Equal("message number 2", Scalar(db.Connection, "SELECT text FROM message_versions WHERE message_id = 2"));
        Assert.Equal(1L, Scalar(db.Connection, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'rewritten'"));
        Assert.Equal(2L, Scalar(db.Connection, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'number'"));
    }

    [Fact]
    public void A_poorer_source_does_not_erase_what_a_richer_one_stored()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        using var writer = db.CreateWriter();
        var peer = TempArchive.Channel();
        writer.UpsertPeer(peer);
        writer.WriteBatch(peer.PeerId, [TempArchive.Message(7) with { Raw = [1, 2, 3], RawLayer = 201, Views = 10 }]);

        var result = writer.WriteBatch(peer.PeerId, [TempArchive.Message(7)]);

        Assert.Equal(1, result.Unchanged);
        Assert.Equal(201L, Scalar(db.Connection, "SELECT raw_layer FROM messages WHERE message_id = 7"));
        Assert.Equal(10L, Scalar(db.Connection, "SELECT views FROM messages WHERE message_id = 7"));
    }

    [Fact]
    public void A_desktop_export_raw_never_replaces_a_raw_captured_from_telegram()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        using var writer = db.CreateWriter();
        var peer = TempArchive.Channel();
        writer.UpsertPeer(peer);
        byte[] tl = [0x1e, 0x72, 0x9c, 0x94, 7, 0, 0, 0];
        byte[] json = "{\"id\":7}"u8.ToArray();
        writer.WriteBatch(peer.PeerId, [TempArchive.Message(7) with { Raw = tl, RawLayer = 198, RawFormat = RawFormats.Tl },
            TempArchive.Message(8) with { Raw = json, RawFormat = RawFormats.TdesktopJson }]);

        // The export's JSON for 7 is ignored (a new text still merges); for 8 a TL capture supersedes the JSON.
        var result = writer.WriteBatch(peer.PeerId, [
            TempArchive.Message(7, "edited in the export") with { Raw = json, RawFormat = RawFormats.TdesktopJson },
            TempArchive.Message(8) with { Raw = tl, RawLayer = 198, RawFormat = RawFormats.Tl }]);

        Assert.Equal(2, result.Updated);
        Assert.Equal(tl, Scalar(db.Connection, "SELECT raw FROM messages WHERE message_id = 7"));
        Assert.Equal((198L, "tl"), ((long)Scalar(db.Connection, "SELECT raw_layer FROM messages WHERE message_id = 7")!,
            (string)Scalar(db.Connection, "SELECT raw_format FROM messages WHERE message_id = 7")!));
        Assert.Equal("edited in the export", Scalar(db.Connection, "SELECT text FROM messages WHERE message_id = 7"));
        Assert.Equal(tl, Scalar(db.Connection, "SELECT raw FROM messages WHERE message_id = 8"));
        Assert.Equal("tl", Scalar(db.Connection, "SELECT raw_format FROM messages WHERE message_id = 8"));

        // The same export again changes nothing: the kept TL raw is not a difference to write.
        var again = writer.WriteBatch(peer.PeerId, [
            TempArchive.Message(7, "edited in the export") with { Raw = json, RawFormat = RawFormats.TdesktopJson }]);
        Assert.Equal(1, again.Unchanged);
    }

    [Fact]
    public void Errors_the_source_met_are_recorded_and_counted_with_their_batch()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        using var writer = db.CreateWriter();
        var peer = TempArchive.Channel();
        writer.UpsertPeer(peer);
        var run = writer.BeginRun(RunKind.Import);

        var result = writer.WriteBatch(peer.PeerId, [TempArchive.Message(1), TempArchive.Message(0)],
            sourceErrors: [new MessageError(peer.PeerId, 5, "ExportMessageTextInvalid", "result.json:9: 'text' is a number."),
                new MessageError(peer.PeerId, null, "ExportMessageIdMissing", "result.json:11: no id.")]);
        // A batch of nothing but errors still records them.
        writer.WriteBatch(peer.PeerId, [], sourceErrors: [new MessageError(peer.PeerId, 12, "ExportMediaFileNotFound", "absent")]);
        writer.CompleteRun(RunOutcome.Partial);

        Assert.Equal(["InvalidMessageId"], result.Errors.Select(e => e.ErrorId));
        Assert.Equal("ExportMessageTextInvalid,ExportMessageIdMissing,InvalidMessageId,ExportMediaFileNotFound",
            Scalar(db.Connection, $"SELECT group_concat(error_id) FROM (SELECT error_id FROM message_errors WHERE run_id = {run} ORDER BY id)"));
        Assert.Equal(4L, Scalar(db.Connection, $"SELECT errors FROM runs WHERE run_id = {run}"));
        Assert.Equal(4L, Scalar(db.Connection, $"SELECT count(*) FROM message_errors WHERE peer_id = {peer.PeerId}"));
        Assert.Equal(1L, Scalar(db.Connection, "SELECT count(*) FROM message_errors WHERE message_id IS NULL"));
    }

    [Fact]
    public void Sync_state_commits_with_its_batch_and_merges_the_range()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        using var writer = db.CreateWriter();
        var peer = TempArchive.Channel();
        writer.UpsertPeer(peer);
        var run = writer.BeginRun(RunKind.Archive);
        writer.WriteBatch(peer.PeerId, Enumerable.Range(100, 10).Select(i => TempArchive.Message(i)).ToList(),
            new SyncStateUpdate(SyncStatus.Running));
        writer.WriteBatch(peer.PeerId, Enumerable.Range(5, 10).Select(i => TempArchive.Message(i)).ToList(),
            new SyncStateUpdate(SyncStatus.Complete));

        Assert.Equal(5L, Scalar(db.Connection, "SELECT lowest_message_id FROM sync_state"));
        Assert.Equal(109L, Scalar(db.Connection, "SELECT highest_message_id FROM sync_state"));
        Assert.Equal("complete", Scalar(db.Connection, "SELECT status FROM sync_state"));
        Assert.Equal(run, Scalar(db.Connection, "SELECT last_run_id FROM sync_state"));
        Assert.Equal(20L, Scalar(db.Connection, "SELECT messages_inserted FROM runs"));
    }

    [Fact]
    public void A_batch_that_fails_at_commit_leaves_neither_messages_nor_sync_state()
    {
        using var temp = new TempArchive();
        using var db = temp.OpenSeeded(3);
        using var writer = db.CreateWriter();
        var peer = TempArchive.Channel();
        // A trigger that aborts the transaction stands in for a crash or a full disk in the middle of the batch.
        SqliteConnections.Execute(db.Connection, """
            CREATE TEMP TRIGGER fail_late AFTER INSERT ON main.message_errors
            BEGIN SELECT RAISE(ABORT, 'simulated storage failure'); END
            """);
        var batch = new List<ArchivedMessage> { TempArchive.Message(50), TempArchive.Message(-1), TempArchive.Message(60) };

        Assert.ThrowsAny<Exception>(() => writer.WriteBatch(peer.PeerId, batch, new SyncStateUpdate(SyncStatus.Partial)));

        Assert.Equal(3L, Scalar(db.Connection, "SELECT count(*) FROM messages"));
        Assert.Equal(3L, Scalar(db.Connection, "SELECT highest_message_id FROM sync_state"));
        Assert.Equal("complete", Scalar(db.Connection, "SELECT status FROM sync_state"));
        Assert.Equal(1L, Scalar(db.Connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'messages_fts_insert'"));
    }

    [Fact]
    public void After_a_batch_other_writers_still_get_their_messages_indexed()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(5))
        {
        }

        using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False"))
        {
            other.Open();
            using var insert = other.CreateCommand();
            insert.CommandText = "INSERT INTO messages (peer_id, message_id, date, text, archived_at) VALUES (-1000000001001, 99, 0, 'written by another tool', 0)";
            insert.ExecuteNonQuery();
        }

        using var db = temp.Open();
        Assert.Equal(1L, Scalar(db.Connection, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'tool'"));
        Assert.All(IntegrityCheckerTests.Check(temp), c => Assert.NotEqual(Spectra.Core.Storage.Integrity.CheckStatus.Fail, c.Status));
    }

    [Fact]
    public void Rejected_messages_are_collected_and_the_rest_of_the_batch_is_written()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        using var writer = db.CreateWriter();
        var peer = TempArchive.Channel();
        writer.UpsertPeer(peer);
        writer.BeginRun(RunKind.Import);
        var batch = new List<ArchivedMessage>
        {
            TempArchive.Message(1),
            TempArchive.Message(2) with { EntitiesJson = "{not json" },
            TempArchive.Message(0),
            TempArchive.Message(3) with { Media = [new ArchivedMedia("photo") { Stored = new MediaRecord("zz", 1, null, "x") }] },
            TempArchive.Message(4),
        };

        var result = writer.WriteBatch(peer.PeerId, batch, new SyncStateUpdate(SyncStatus.Partial));

        Assert.Equal(2, result.Inserted);
        Assert.Equal(3, result.Errors.Count);
        Assert.Equal(["InvalidMessageData", "InvalidMessageId", "InvalidMessageData"], result.Errors.Select(e => e.ErrorId));
        Assert.Equal(2L, Scalar(db.Connection, "SELECT count(*) FROM messages"));
        Assert.Equal(0L, Scalar(db.Connection, "SELECT count(*) FROM message_media"));
        Assert.Equal(3L, Scalar(db.Connection, "SELECT count(*) FROM message_errors WHERE run_id IS NOT NULL"));
        Assert.Equal(4L, Scalar(db.Connection, "SELECT highest_message_id FROM sync_state"));
        // The message after the rolled-back one reuses its rowid; it must still be in the search index.
        Assert.Equal(2L, Scalar(db.Connection, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'number'"));
        Assert.Equal(2L, Scalar(db.Connection, "SELECT count(*) FROM messages_fts_docsize"));
    }

    [Fact]
    public void A_batch_repeating_a_message_id_keeps_the_search_index_exact()
    {
        using var temp = new TempArchive();
        using (var db = temp.Open())
        using (var writer = db.CreateWriter())
        {
            var peer = TempArchive.Channel();
            writer.UpsertPeer(peer);
            var result = writer.WriteBatch(peer.PeerId,
            [
                TempArchive.Message(1, "first words"),
                TempArchive.Message(2, "other words"),
                TempArchive.Message(1, "second thoughts") with { EditDate = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000) },
            ]);
            Assert.Equal((2, 1), (result.Inserted, result.Updated));
            Assert.Equal(0L, Scalar(db.Connection, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'first'"));
            Assert.Equal(1L, Scalar(db.Connection, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'thoughts'"));
        }

        var checks = IntegrityCheckerTests.Check(temp, deep: true);
        Assert.All(checks, c => Assert.True(c.Status == Spectra.Core.Storage.Integrity.CheckStatus.Pass, $"{c.Check}: {c.Message}"));
    }

    [Fact]
    public void Writing_for_an_unknown_peer_is_an_error_with_an_id()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        using var writer = db.CreateWriter();
        var error = Assert.Throws<SpectraException>(() => writer.WriteBatch(-1000000000123, [TempArchive.Message(1)]));
        Assert.Equal("PeerNotInArchive", error.ErrorId);
    }

    [Fact]
    public void Peer_renames_are_kept_as_history()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        using var writer = db.CreateWriter();
        writer.UpsertPeer(TempArchive.Channel(title: "Old"));
        writer.UpsertPeer(TempArchive.Channel(title: "Old"));
        writer.UpsertPeer(TempArchive.Channel(title: "New", username: null));

        Assert.Equal(2L, Scalar(db.Connection, "SELECT count(*) FROM peer_history"));
        Assert.Equal("New", Scalar(db.Connection, "SELECT title FROM peers"));
        Assert.Equal("spectra_test", Scalar(db.Connection, "SELECT username FROM peers"));
    }
}
