using Spectra.Core.Errors;
using Spectra.Core.Import;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;
using static Spectra.Core.Tests.Import.ArchiveDump;

namespace Spectra.Core.Tests.Import;

public sealed class TdesktopImporterTests : IDisposable
{
    private const long Channel = -1_001_234_567_890L; // marked id of the sample channel 1234567890
    private readonly string _dir = Directory.CreateTempSubdirectory("spectra-import-").FullName;

    private string Db(string name = "archive.db") => Path.Combine(_dir, name);

    /// <summary>A folder holding <paramref name="resultJson"/> as its result.json.</summary>
    private string WriteExport(string name, string resultJson)
    {
        var folder = Path.Combine(_dir, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "result.json"), resultJson);
        return folder;
    }

    private static async Task<(List<ImportChatSummary> Chats, List<ImportMessageError> Errors, RecordingSink Sink)> Import(
        ArchiveDatabase db, string path, int batchSize = 2000, Action<long>? onBatch = null, CancellationToken ct = default)
    {
        var errors = new List<ImportMessageError>();
        var sink = new RecordingSink();
        var importer = new TdesktopImporter(db, sink) { BatchSize = batchSize };
        var chats = await importer.ImportAsync(path,
            new ImportCallbacks { MessageFailed = errors.Add, BatchCommitted = onBatch }, ct);
        return (chats.ToList(), errors, sink);
    }

    [Fact]
    public async Task SampleImportsEveryChatAndReportsPerMessageProblemsWithoutStopping()
    {
        using var db = ArchiveDatabase.Open(Db());
        var (chats, errors, sink) = await Import(db, SampleExport.Folder);

        Assert.Equal(["Spectra Sample Channel", "Sample Group", "Alice Example", "Old Group"], chats.Select(c => c.Chat));
        Assert.Equal([34L, 14L, 3L, 3L], chats.Select(c => c.Imported));
        Assert.All(chats, c => Assert.Equal(0, c.Failed));
        Assert.Equal(Channel, chats[0].PeerId);
        Assert.Equal(-777000L, chats[3].PeerId); // basic group: negated
        Assert.Equal(5550001L, chats[2].PeerId);
        Assert.Equal(54L, Scalar(db.Connection, "SELECT count(*) FROM messages"));

        // The two hostile paths are refused, reported with the message id and location, and never read.
        Assert.Equal(["ExportMediaPathRefused", "ExportMediaPathRefused"], errors.Select(e => e.Error.ErrorId));
        Assert.Equal([27L, 28L], errors.Select(e => e.MessageId!.Value));
        Assert.All(errors, e => Assert.EndsWith("result.json", e.Error.Location!.File, StringComparison.Ordinal));
        Assert.Equal("chats.list[0].messages[26].file", errors[0].Error.Location!.Field);
        Assert.True(errors[0].Error.Location!.Line > 1);

        // Placeholders (3) and refused paths (2) are missing media, not files.
        Assert.Equal(5, chats[0].MediaMissing);
        Assert.Equal(5L, Scalar(db.Connection, $"SELECT count(*) FROM message_media WHERE peer_id = {Channel} AND sha256 IS NULL"));
        Assert.StartsWith("(File not included", Text(db.Connection, $"SELECT missing_reason FROM message_media WHERE peer_id = {Channel} AND message_id = 25"), StringComparison.Ordinal);
        Assert.StartsWith("(File exceeds maximum size", Text(db.Connection, $"SELECT missing_reason FROM message_media WHERE peer_id = {Channel} AND message_id = 26"), StringComparison.Ordinal);

        // Progress is reported and closed.
        Assert.True(sink.Progress.Last().Completed);
    }

    [Fact]
    public async Task EveryFieldLandsInItsColumnAndTheRawObjectIsKept()
    {
        using var db = ArchiveDatabase.Open(Db());
        await Import(db, SampleExport.Folder);
        var c = db.Connection;
        string? Col(string column, long id, long peer = Channel) =>
            Text(c, $"SELECT CAST({column} AS TEXT) FROM messages WHERE peer_id = {peer} AND message_id = {id}");

        Assert.Equal("Welcome to the sample channel: a plain text message. Searchable word: aurora.", Col("text", 2));
        Assert.Equal("Editor Eve", Col("post_author", 2));
        Assert.Equal(Channel.ToString(System.Globalization.CultureInfo.InvariantCulture), Col("sender_id", 2));
        Assert.Equal("1709284440", Col("date", 2));
        Assert.Equal("1709366400", Col("edit_date", 4));
        Assert.Equal("2", Col("reply_to_message_id", 18));
        Assert.Equal("Other Channel", Col("fwd_from_name", 19));
        Assert.Equal("@sample_bot", Col("via_bot", 20));
        Assert.Contains("\"inline_bot_buttons\"", Col("extra_json", 20), StringComparison.Ordinal);
        Assert.Contains("\"reactions\"", Col("extra_json", 21), StringComparison.Ordinal);
        Assert.Contains("\"poll\"", Col("extra_json", 13), StringComparison.Ordinal);
        Assert.Contains("\"contact_information\"", Col("extra_json", 14), StringComparison.Ordinal);
        Assert.Contains("\"live_location_period_seconds\":900", Col("extra_json", 16), StringComparison.Ordinal);
        Assert.Contains("\"place_name\"", Col("extra_json", 17), StringComparison.Ordinal);
        Assert.Contains("\"game_title\"", Col("extra_json", 22), StringComparison.Ordinal);
        Assert.Contains("\"invoice_information\"", Col("extra_json", 23), StringComparison.Ordinal);
        Assert.Contains("\"self_destruct_period_seconds\":10", Col("extra_json", 24), StringComparison.Ordinal);
        Assert.Contains("\"saved_from\":\"Bob Sample\"", Col("extra_json", 33), StringComparison.Ordinal);
        Assert.Equal("pin_message", Col("service_action", 32));
        Assert.Equal("service", Col("kind", 32));
        Assert.Contains("\"message_id\":21", Col("action_json", 32), StringComparison.Ordinal);
        Assert.Contains("\"actor\":\"Spectra Sample Channel\"", Col("action_json", 32), StringComparison.Ordinal);
        Assert.Equal("unsupported", Col("kind", 12, -1_002_233_445_566L));
        Assert.Contains("\"members\":[\"Bob Sample\",\"Carol Example\"]", Col("action_json", 2, -1_002_233_445_566L), StringComparison.Ordinal);
        Assert.Equal("5550001", Col("sender_id", 2, -1_002_233_445_566L)); // actor of a service message
        Assert.Equal("1234567890", Col("reply_to_peer_id", 14, -1_002_233_445_566L));
        Assert.Equal("tdesktop-json", Col("raw_format", 3));

        var entities = Col("entities_json", 3)!;
        Assert.Contains("{\"type\":\"text_link\",", entities, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"https://example.org/docs?a=1&b=<2>\"", entities.Replace("\\u0026", "&", StringComparison.Ordinal).Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"language\":\"powershell\"", entities, StringComparison.Ordinal);
        Assert.Contains("\"document_id\":\"5368324170671202286\"", entities, StringComparison.Ordinal);

        // Media rows: kinds, dimensions, durations, sticker emoji, sanitized names, dedup of the same picture.
        string? Media(string column, long id, int ordinal = 0) =>
            Text(c, $"SELECT CAST({column} AS TEXT) FROM message_media WHERE peer_id = {Channel} AND message_id = {id} AND ordinal = {ordinal}");
        Assert.Equal("sticker", Media("kind", 7));
        Assert.Contains("\"sticker_emoji\":", Media("extra_json", 7), StringComparison.Ordinal);
        Assert.Equal("thumbnail", Media("kind", 7, 1));
        Assert.Equal(("video_file", "12", "640", "360"), (Media("kind", 8), Media("duration_seconds", 8), Media("width", 8), Media("height", 8)));
        Assert.Equal("voice_message", Media("kind", 9));
        Assert.Equal("audio_file", Media("kind", 10));
        Assert.Equal("animation", Media("kind", 11));
        Assert.Equal("video_message", Media("kind", 12));
        Assert.Equal("contact_vcard", Media("kind", 14));
        Assert.Equal("application/pdf", Media("mime", 6));
        Assert.Equal(Media("sha256", 5), Media("sha256", 34));
        var hostileName = Media("original_name", 29)!;
        Assert.DoesNotContain("/", hostileName, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", hostileName, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(hostileName) <= 255);
        Assert.Equal("ünïcødé 名前 ✓.txt", Media("original_name", 30));

        // Every stored file is inside the media store under its hash; nothing else was written there.
        var mediaRoot = db.Media.RootDirectory;
        var files = Directory.GetFiles(mediaRoot, "*", SearchOption.AllDirectories);
        Assert.Equal(Scalar(c, "SELECT count(*) FROM media"), files.Length);
        Assert.All(files, f => Assert.True(MediaStore.IsSha256(Path.GetFileName(f)), f));
    }

    [Fact]
    public async Task An_export_with_its_keys_sorted_imports_the_same_chats_and_messages()
    {
        // jq -S or any JSON tool that sorts keys puts a chat's id before, and its name and type after, its messages.
        var folder = Path.Combine(_dir, "sorted");
        foreach (var file in Directory.EnumerateFiles(SampleExport.Folder, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder, Path.GetRelativePath(SampleExport.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var sorted = Sorted(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(SampleExport.ResultJson)));
        File.WriteAllText(Path.Combine(folder, "result.json"), sorted!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        using var original = ArchiveDatabase.Open(Db("original.db"));
        using var reordered = ArchiveDatabase.Open(Db("sorted.db"));
        var (expected, _, _) = await Import(original, SampleExport.Folder);
        var (actual, _, _) = await Import(reordered, folder);

        Assert.Equal(expected.Select(c => (c.Chat, c.Type, c.PeerId, c.Imported, c.Failed)).OrderBy(c => c.PeerId),
            actual.Select(c => (c.Chat, c.Type, c.PeerId, c.Imported, c.Failed)).OrderBy(c => c.PeerId));
        Assert.Equal(Peers(original.Connection), Peers(reordered.Connection));
        const string content = "SELECT peer_id, message_id, kind, date, sender_id, sender_name, text, entities_json FROM messages ORDER BY 1, 2";
        Assert.Equal(Rows(original.Connection, content), Rows(reordered.Connection, content));

        static System.Text.Json.Nodes.JsonNode? Sorted(System.Text.Json.Nodes.JsonNode? node) => node switch
        {
            System.Text.Json.Nodes.JsonObject o => new System.Text.Json.Nodes.JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
            System.Text.Json.Nodes.JsonArray a => new System.Text.Json.Nodes.JsonArray(a.Select(Sorted).ToArray()),
            _ => node?.DeepClone(),
        };
    }

    [Fact]
    public async Task ImportingTwiceAddsNothing()
    {
        using var db = ArchiveDatabase.Open(Db());
        await Import(db, SampleExport.Folder);
        var messages = Messages(db.Connection);
        var media = Media(db.Connection);
        var files = Scalar(db.Connection, "SELECT count(*) FROM media");

        var (again, _, _) = await Import(db, Path.Combine(SampleExport.Folder, "result.json"));

        Assert.All(again, s => Assert.Equal((0L, 0L), (s.Imported, s.Updated)));
        Assert.Equal([34L, 14L, 3L, 3L], again.Select(s => s.Skipped));
        Assert.Equal(messages, Messages(db.Connection));
        Assert.Equal(media, Media(db.Connection));
        Assert.Equal(files, Scalar(db.Connection, "SELECT count(*) FROM media"));
        Assert.Equal(0L, Scalar(db.Connection, "SELECT count(*) FROM message_versions"));
        Assert.Equal(2L, Scalar(db.Connection, "SELECT count(*) FROM runs WHERE kind = 'import' AND outcome = 'succeeded'"));
    }

    [Fact]
    public async Task ImportMergesIntoLiveArchivedMessagesByPeerAndId()
    {
        using var db = ArchiveDatabase.Open(Db());
        using (var writer = db.CreateWriter())
        {
            var peer = PeerRecord.FromBare(PeerType.Channel, 1234567890) with { Title = "Spectra Sample Channel", Username = "spectra_sample" };
            writer.UpsertPeer(peer);
            writer.WriteBatch(peer.PeerId, [new ArchivedMessage(2, DateTimeOffset.FromUnixTimeSeconds(1709284440)) { Text = "live text", Views = 321, Raw = [0xAA, 0xBB], RawLayer = 198, RawFormat = RawFormats.Tl },
                new ArchivedMessage(1000, DateTimeOffset.FromUnixTimeSeconds(1709999999)) { Text = "only archived live" }]);
        }

        var (chats, _, _) = await Import(db, SampleExport.Folder);

        Assert.Equal((33L, 1L), (chats[0].Imported, chats[0].Updated));
        Assert.Equal(35L, Scalar(db.Connection, $"SELECT count(*) FROM messages WHERE peer_id = {Channel}"));
        Assert.Equal(321L, Scalar(db.Connection, $"SELECT views FROM messages WHERE peer_id = {Channel} AND message_id = 2"));
        Assert.StartsWith("Welcome", Text(db.Connection, $"SELECT text FROM messages WHERE peer_id = {Channel} AND message_id = 2"), StringComparison.Ordinal);
        Assert.Equal("spectra_sample", Text(db.Connection, $"SELECT username FROM peers WHERE peer_id = {Channel}"));
        // The raw message captured live stays; messages only the export has keep the export's JSON.
        Assert.Equal("tl", Text(db.Connection, $"SELECT raw_format FROM messages WHERE peer_id = {Channel} AND message_id = 2"));
        Assert.Equal(198L, Scalar(db.Connection, $"SELECT raw_layer FROM messages WHERE peer_id = {Channel} AND message_id = 2"));
        Assert.Equal(2L, Scalar(db.Connection, $"SELECT length(raw) FROM messages WHERE peer_id = {Channel} AND message_id = 2"));
        Assert.Equal("tdesktop-json", Text(db.Connection, $"SELECT raw_format FROM messages WHERE peer_id = {Channel} AND message_id = 3"));
    }

    [Fact]
    public async Task CancelledImportRerunEqualsAnUninterruptedOne()
    {
        var export = SyntheticExport.Write(Path.Combine(_dir, "export"), 5000);
        using var reference = ArchiveDatabase.Open(Db("reference.db"));
        await Import(reference, export, batchSize: 300);

        using var db = ArchiveDatabase.Open(Db("interrupted.db"));
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Import(db, export, batchSize: 300, onBatch: read => { if (read >= 2100) { cts.Cancel(); } }, ct: cts.Token));
        var partial = Scalar(db.Connection, "SELECT count(*) FROM messages");
        Assert.InRange(partial, 2100, 4999);
        Assert.Equal("cancelled", Text(db.Connection, "SELECT outcome FROM runs ORDER BY run_id DESC LIMIT 1"));

        var (chats, _, _) = await Import(db, export, batchSize: 300);

        Assert.Equal(5000 - partial, chats.Single().Imported);
        Assert.Equal(partial, chats.Single().Skipped);
        Assert.Equal(Messages(reference.Connection), Messages(db.Connection));
    }

    [Fact]
    public async Task CrashAfterACommittedBatchThenRerunEqualsAnUninterruptedOne()
    {
        var export = SyntheticExport.Write(Path.Combine(_dir, "export"), 3000);
        using var reference = ArchiveDatabase.Open(Db("reference.db"));
        await Import(reference, export, batchSize: 250);

        // The import fails hard right after a commit (as if the process died there): nothing after that batch is written.
        using (var db = ArchiveDatabase.Open(Db("crashed.db")))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                Import(db, export, batchSize: 250, onBatch: read => { if (read >= 1000) { throw new InvalidOperationException("simulated crash"); } }));
        }

        using var reopened = ArchiveDatabase.Open(Db("crashed.db"));
        Assert.Equal(1000L, Scalar(reopened.Connection, "SELECT count(*) FROM messages"));
        await Import(reopened, export, batchSize: 250);
        Assert.Equal(Messages(reference.Connection), Messages(reopened.Connection));
    }

    [Fact]
    public async Task BadMessagesAreCountedAndReportedAndTheRestIsImported()
    {
        var folder = WriteExport("bad", """
            {"name": "Bad", "type": "private_channel", "id": 99, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "fine"},
              {"type": "message", "date_unixtime": "1700000001", "text": "no id"},
              {"id": 3, "type": "message", "text": "no date"},
              {"id": 4, "type": "message", "date_unixtime": "1700000003", "text": 12},
              {"id": 5, "type": "message", "date_unixtime": "1700000004", "file": "files/absent.bin"},
              {"id": 6, "type": "message", "date_unixtime": "1700000005", "text": "also fine"}
            ]}
            """);
        using var db = ArchiveDatabase.Open(Db());
        var (chats, errors, _) = await Import(db, folder);

        Assert.Equal((3L, 3L), (chats[0].Imported, chats[0].Failed));
        Assert.Equal(["ExportMessageIdMissing", "ExportMessageDateMissing", "ExportMessageTextInvalid", "ExportMediaFileNotFound"],
            errors.Select(e => e.Error.ErrorId));
        Assert.Equal([null, 3L, 4L, 5L], errors.Select(e => e.MessageId));
        Assert.Equal([3, 4, 5, 6], errors.Select(e => e.Error.Location!.Line));
        Assert.Equal("partial", Text(db.Connection, "SELECT outcome FROM runs"));

        // Each problem is also kept in the archive, in the run, with where it was found and how to fix it.
        Assert.Equal("ExportMessageIdMissing,ExportMessageDateMissing,ExportMessageTextInvalid,ExportMediaFileNotFound",
            Text(db.Connection, "SELECT group_concat(error_id) FROM (SELECT error_id FROM message_errors WHERE run_id = (SELECT run_id FROM runs) AND peer_id = (SELECT peer_id FROM peers) ORDER BY id)"));
        Assert.Equal("3,4,5", Text(db.Connection, "SELECT group_concat(message_id) FROM (SELECT message_id FROM message_errors ORDER BY id)"));
        Assert.Contains("result.json:4", Text(db.Connection, "SELECT message FROM message_errors WHERE message_id = 3"), StringComparison.Ordinal);
        Assert.Equal(4L, Scalar(db.Connection, "SELECT errors FROM runs"));
    }

    [Fact]
    public async Task Impossible_dates_and_broken_unicode_escapes_fail_their_message_only()
    {
        var folder = WriteExport("odd", """
            {"name": "Odd", "type": "private_channel", "id": 98, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "fine"},
              {"id": 2, "type": "message", "date_unixtime": "-99999999999", "text": "before year 1"},
              {"id": 3, "type": "message", "date_unixtime": "1700000002", "edited_unixtime": "99999999999999", "text": "edited after 9999"},
              {"id": 4, "type": "message", "date_unixtime": "1700000003", "text": "\ud83d"},
              {"id": 5, "type": "message", "date_unixtime": "1700000004", "from": "\udc00x", "text": "bad sender"},
              {"id": 6, "type": "message", "date_unixtime": "1700000005", "poll": {"question": "\ud83d?"}},
              {"id": 7, "type": "message", "date_unixtime": 1700000006, "text": "also fine"}
            ]}
            """);
        using var db = ArchiveDatabase.Open(Db());
        var (chats, errors, _) = await Import(db, folder);

        Assert.Equal((2L, 5L), (chats[0].Imported, chats[0].Failed));
        Assert.Equal([2L, 3L, 4L, 5L, 6L], errors.Select(e => e.MessageId));
        Assert.Equal(["ExportMessageDateInvalid", "ExportMessageDateInvalid", "ExportMessageTextInvalid", "ExportMessageTextInvalid", "ExportMessageTextInvalid"],
            errors.Select(e => e.Error.ErrorId));
        Assert.Equal([3, 4, 5, 6, 7], errors.Select(e => e.Error.Location!.Line));
        Assert.Equal(["messages[1].date_unixtime", "messages[2].edited_unixtime", "messages[3].text", "messages[4].from", "messages[5].poll.question"],
            errors.Select(e => e.Error.Location!.Field![(e.Error.Location.Field!.IndexOf("messages", StringComparison.Ordinal))..]));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.Error.Fix)));
        Assert.Equal("1,7", Text(db.Connection, "SELECT group_concat(message_id) FROM (SELECT message_id FROM messages ORDER BY 1)"));
    }

    [Theory]
    [InlineData("{\"id\": 3, \"type\": \"message\", \"date_unixtime\": \"1700000002\" \"text\": \"x\"}\n]}", "ExportJsonInvalid")]
    [InlineData("{\"id\": 3, \"type\": \"message\", \"date_unix", "ExportTruncated")]
    public async Task Messages_read_before_damage_are_imported_and_summarized_before_the_error(string damage, string errorId)
    {
        var folder = WriteExport("damaged", """
            {"name": "Damaged", "type": "private_channel", "id": 97, "messages": [
            {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "one"},
            {"id": 2, "type": "message", "date_unixtime": "1700000001", "text": "two"},

            """ + damage);
        using var db = ArchiveDatabase.Open(Db());
        var summaries = new List<ImportChatSummary>();
        var importer = new TdesktopImporter(db, new RecordingSink());
        var ex = await Assert.ThrowsAsync<SpectraException>(() =>
            importer.ImportAsync(folder, new ImportCallbacks { ChatCompleted = summaries.Add }, CancellationToken.None));

        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(2L, Scalar(db.Connection, "SELECT count(*) FROM messages"));
        var summary = Assert.Single(summaries);
        Assert.Equal(("Damaged", 2L), (summary.Chat, summary.Imported));
    }

    [Fact]
    public async Task Entries_of_the_message_list_that_are_not_objects_are_counted_and_reported()
    {
        var folder = WriteExport("entries", """
            {"name": "Entries", "type": "private_channel", "id": 96, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "fine"},
              [],
              null,
              "str",
              5,
              {"id": 6, "type": "message", "date_unixtime": "1700000005", "text": "also fine"}
            ]}
            """);
        using var db = ArchiveDatabase.Open(Db());
        var (chats, errors, _) = await Import(db, folder);

        Assert.Equal((2L, 4L), (chats[0].Imported, chats[0].Failed));
        Assert.All(errors, e => Assert.Equal("ExportMessageNotObject", e.Error.ErrorId));
        Assert.Equal([3, 4, 5, 6], errors.Select(e => e.Error.Location!.Line));
        Assert.Equal(["messages[1]", "messages[2]", "messages[3]", "messages[4]"], errors.Select(e => e.Error.Location!.Field));
        Assert.Equal(4L, Scalar(db.Connection, "SELECT count(*) FROM message_errors"));
    }

    [Fact]
    public async Task A_chat_title_with_a_broken_unicode_escape_is_kept_as_written()
    {
        var folder = WriteExport("title", """
            {"name": "Chat \ud83d", "type": "private_channel", "id": 95, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "fine"}
            ]}
            """);
        using var db = ArchiveDatabase.Open(Db());
        var (chats, errors, _) = await Import(db, folder);

        Assert.Empty(errors);
        Assert.Equal(("Chat \\ud83d", 1L), (chats[0].Chat, chats[0].Imported));
        Assert.Equal("Chat \\ud83d", Text(db.Connection, "SELECT title FROM peers"));
    }

    [Fact]
    public async Task A_chat_without_a_usable_id_is_refused_with_the_line_of_its_messages()
    {
        var folder = WriteExport("noid", """
            {"chats": {"list": [
              {"name": "No id", "type": "private_group", "id": "seven",
               "messages": [
                 {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "a"}]}
            ]}}
            """);
        using var db = ArchiveDatabase.Open(Db());
        var (chats, errors, _) = await Import(db, folder);

        var error = Assert.Single(errors).Error;
        Assert.Equal(("ExportChatIdMissing", 3, "chats.list[0].id"), (error.ErrorId, error.Location!.Line, error.Location.Field));
        Assert.Equal((0L, 1L), (chats[0].Imported, chats[0].Failed));
    }

    [SkippableFact]
    public async Task A_media_file_that_is_a_pipe_fails_its_file_only_and_the_import_goes_on()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "file types are read with statx on Linux");
        var folder = WriteExport("fifo", """
            {"name": "Pipe", "type": "private_channel", "id": 94, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1700000000", "text": "with photo",
               "photo": "photos/pipe.jpg"},
              {"id": 2, "type": "message", "date_unixtime": "1700000001", "text": "after"}
            ]}
            """);
        Directory.CreateDirectory(Path.Combine(folder, "photos"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(folder, "photos", "pipe.jpg")))
        {
            await mkfifo.WaitForExitAsync();
        }

        using var db = ArchiveDatabase.Open(Db());
        var (chats, errors, _) = await Import(db, folder).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((2L, 0L, 1L), (chats[0].Imported, chats[0].Failed, chats[0].MediaMissing));
        var error = Assert.Single(errors).Error;
        Assert.Equal(("MediaSourceUnreadable", 2, "messages[0].photo"), (error.ErrorId, error.Location!.Line, error.Location.Field));
        Assert.Equal("file in the export could not be read", Text(db.Connection, "SELECT missing_reason FROM message_media"));
    }

    [Fact]
    public void MissingPathsAreReportedWithIds()
    {
        Assert.Equal("ExportNotFound", Assert.Throws<SpectraException>(() => TdesktopImporter.Locate(Path.Combine(_dir, "nope"))).ErrorId);
        Assert.Equal("ExportResultJsonNotFound", Assert.Throws<SpectraException>(() => TdesktopImporter.Locate(_dir)).ErrorId);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}
