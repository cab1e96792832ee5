using System.Text.RegularExpressions;
using Spectra.Core.Errors;
using Spectra.Core.Export;
using Spectra.Core.Import;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;
using Spectra.Core.Storage.Query;
using static Spectra.Core.Tests.Import.ArchiveDump;

namespace Spectra.Core.Tests.Import;

public sealed partial class ArchiveExporterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spectra-export-").FullName;

    private static Task<IReadOnlyList<ImportChatSummary>> Import(ArchiveDatabase db, string path) =>
        new TdesktopImporter(db, new RecordingSink()).ImportAsync(path, null, CancellationToken.None);

    private static async Task<(IReadOnlyList<ExportedChat> Chats, List<SpectraException> Problems)> Export(
        ArchiveDatabase db, ArchiveExportFormat format, string destination, int pageSize = 100, params string[] channels)
    {
        var problems = new List<SpectraException>();
        using var archive = ReaderOf(db);
        var exporter = new ArchiveExporter(archive, new RecordingSink()) { PageSize = pageSize, MediaFailed = problems.Add };
        var chats = await exporter.ExportAsync(format, destination, exporter.SelectPeers(channels).Peers, null, CancellationToken.None);
        return (chats, problems);
    }

    [Fact]
    public async Task JsonExportOfAnImportedSampleReimportsToTheSameRows()
    {
        using var first = ArchiveDatabase.Open(Path.Combine(_dir, "first", "archive.db"));
        var imported = await Import(first, SampleExport.Folder);
        var exportDir = Path.Combine(_dir, "export");

        var (chats, problems) = await Export(first, ArchiveExportFormat.Json, exportDir);

        Assert.Empty(problems);
        Assert.Equal(4, chats.Count);
        Assert.Equal(54L, chats.Sum(c => c.Messages));
        using var second = ArchiveDatabase.Open(Path.Combine(_dir, "second", "archive.db"));
        var reimported = await Import(second, exportDir);
        Assert.Equal(54L, reimported.Sum(c => c.Imported));
        // The chat types come back as the export named them: a public channel stays public, though no export has a username.
        Assert.Equal(["personal_chat", "private_group", "private_supergroup", "public_channel"], imported.Select(c => c.Type).Order());
        Assert.Equal(imported.Select(c => (c.PeerId, c.Type)).OrderBy(c => c.PeerId), reimported.Select(c => (c.PeerId, c.Type)).OrderBy(c => c.PeerId));
        Assert.Equal(Messages(first.Connection), Messages(second.Connection));
        Assert.Equal(Media(first.Connection), Media(second.Connection));
        Assert.Equal(Peers(first.Connection), Peers(second.Connection));
    }

    [Fact]
    public async Task LiveArchivedMessagesAreRebuiltInTheExportFormatAndReimportEqually()
    {
        using var db = ArchiveDatabase.Open(Path.Combine(_dir, "live", "archive.db"));
        var file = Path.Combine(_dir, "photo.png");
        File.WriteAllBytes(file, [1, 2, 3, 4, 5]);
        var stored = await db.Media.StoreFileAsync(file, "image/png");
        var peer = PeerRecord.FromBare(PeerType.Channel, 555) with { Title = "Live <Channel>", Username = "live_channel" };
        using (var writer = db.CreateWriter())
        {
            writer.UpsertPeer(peer);
            writer.WriteBatch(peer.PeerId,
            [
                new ArchivedMessage(10, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000))
                {
                    Text = "bold and a link here", SenderId = peer.PeerId, SenderName = "Live <Channel>", PostAuthor = "Ann",
                    EntitiesJson = """[{"type":"bold","offset":0,"length":4},{"type":"text_link","offset":11,"length":4,"url":"https://example.org"}]""",
                    EditDate = DateTimeOffset.FromUnixTimeSeconds(1_700_000_500), Views = 99,
                    Forward = new ForwardOrigin { FromName = "Elsewhere" }, ViaBot = "@bot",
                    Media = [new ArchivedMedia("photo") { Stored = stored, Width = 2, Height = 3, OriginalName = "p.png" }],
                },
                new ArchivedMessage(11, DateTimeOffset.FromUnixTimeSeconds(1_700_000_100))
                {
                    Text = "reply", SenderId = 42, SenderName = "Bob", ReplyToMessageId = 10,
                    Media = [new ArchivedMedia("video_file") { MissingReason = "not downloaded yet", Mime = "video/mp4", DurationSeconds = 5 }],
                },
            ]);
        }

        var exportDir = Path.Combine(_dir, "export");
        await Export(db, ArchiveExportFormat.Json, exportDir);
        var json = File.ReadAllText(Path.Combine(exportDir, "result.json"));
        Assert.Contains("\"type\": \"public_channel\"", json, StringComparison.Ordinal);
        Assert.Contains("\"from_id\": \"user42\"", json, StringComparison.Ordinal);
        Assert.Contains("\"from_id\": \"channel555\"", json, StringComparison.Ordinal);
        Assert.Contains("\"date_unixtime\": \"1700000000\"", json, StringComparison.Ordinal);
        Assert.Contains(TdesktopMessageWriter.NotIncluded, json, StringComparison.Ordinal);

        using var again = ArchiveDatabase.Open(Path.Combine(_dir, "again", "archive.db"));
        await Import(again, exportDir);
        const string columns = "message_id, kind, date, edit_date, sender_id, sender_name, post_author, reply_to_message_id, fwd_from_name, via_bot, text, entities_json";
        Assert.Equal(Rows(db, columns), Rows(again, columns));
        Assert.Equal(stored.Sha256, Text(again.Connection, "SELECT sha256 FROM message_media WHERE message_id = 10"));
        Assert.Equal(("2", "3"), (Text(again.Connection, "SELECT CAST(width AS TEXT) FROM message_media WHERE message_id = 10"),
            Text(again.Connection, "SELECT CAST(height AS TEXT) FROM message_media WHERE message_id = 10")));
        Assert.Null(Text(again.Connection, "SELECT sha256 FROM message_media WHERE message_id = 11"));
    }

    [Fact]
    public async Task HtmlSiteIsPaginatedEscapedAndLinksMediaRelatively()
    {
        using var db = ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db"));
        await Import(db, SampleExport.Folder);
        var site = Path.Combine(_dir, "site");

        var (chats, problems) = await Export(db, ArchiveExportFormat.Html, site, pageSize: 10);

        Assert.Empty(problems);
        var channel = chats.Single(c => c.Chat == "Spectra Sample Channel");
        var pages = Directory.GetFiles(Path.GetDirectoryName(channel.Path)!, "page-*.html").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, pages.Count); // 34 messages, 10 per page
        Assert.Equal(["channel1234567890", "channel2233445566", "chat777000", "user5550001"],
            Directory.GetDirectories(Path.Combine(site, "chats")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("chats/channel1234567890/page-0001.html", index, StringComparison.Ordinal);
        var first = File.ReadAllText(pages[0]);
        Assert.Contains("href=\"page-0002.html\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", first, StringComparison.Ordinal);
        Assert.DoesNotContain(_dir, string.Concat(pages.Select(File.ReadAllText)), StringComparison.Ordinal);
        Assert.Contains("Poll: <bdi>Which storage engine?</bdi>", File.ReadAllText(pages[1]), StringComparison.Ordinal);
        Assert.Contains("not in the archive: <bdi>(File not included", File.ReadAllText(pages[2]), StringComparison.Ordinal);

        // Every media link resolves to a copied file inside the site.
        var links = pages.SelectMany(p => MediaLink().Matches(File.ReadAllText(p)).Select(m => (Page: p, Link: m.Groups[1].Value))).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l =>
        {
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(l.Page)!, l.Link));
            Assert.StartsWith(site, target, StringComparison.Ordinal);
            Assert.True(File.Exists(target), target);
        });
    }

    [Fact]
    public async Task ChannelSelectionExportsOneChatInSingleChatLayout()
    {
        using var db = ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db"));
        await Import(db, SampleExport.Folder);
        var dest = Path.Combine(_dir, "one");

        var (chats, _) = await Export(db, ArchiveExportFormat.Json, dest, 100, "Sample Group");

        Assert.Equal("Sample Group", chats.Single().Chat);
        var json = File.ReadAllText(Path.Combine(dest, "result.json"));
        Assert.StartsWith("{\n  \"name\": \"Sample Group\"", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownNamesAmongKnownOnesAreReturnedAndTheKnownChatsStillChosen()
    {
        using var db = ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db"));
        await Import(db, SampleExport.Folder);

        using var archive = ReaderOf(db);
        var selection = new ArchiveExporter(archive, new RecordingSink()).SelectPeers(["nosuch", "Old Group", "@nobody"]);

        Assert.Equal("Old Group", selection.Peers.Single().Title);
        Assert.Equal(["nosuch", "@nobody"], selection.Unmatched);
    }

    [Fact]
    public async Task NoMatchingNameIsChannelNotFoundNamingEveryNameAndNotAnExportOfEverything()
    {
        using var db = ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db"));
        await Import(db, SampleExport.Folder);
        var dest = Path.Combine(_dir, "none");

        var ex = await Assert.ThrowsAsync<SpectraException>(() => Export(db, ArchiveExportFormat.Json, dest, 100, "no such chat", "nor this"));

        Assert.Equal(("ChannelNotFound", SpectraErrorCategory.ObjectNotFound), (ex.ErrorId, ex.Category));
        Assert.Contains("'no such chat', 'nor this'", ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(ex.Fix));
        Assert.False(Directory.Exists(dest));
    }

    [SkippableTheory]
    [InlineData("a file where a folder is needed", ArchiveExportFormat.Json)]
    [InlineData("a name too long", ArchiveExportFormat.Html)]
    [InlineData("a location nobody can write to", ArchiveExportFormat.Json)]
    public async Task FileSystemRefusalsAreExportDestinationUnwritableWithThePathAndAFix(string problem, ArchiveExportFormat format)
    {
        var blocker = Path.Combine(_dir, "blocker");
        File.WriteAllText(blocker, "x");
        var destination = problem switch
        {
            "a file where a folder is needed" => Path.Combine(blocker, "sub"),
            "a name too long" => Path.Combine(_dir, new string('x', 300)),
            _ => "/proc/spectra-export-test", // even root cannot create folders in procfs
        };
        Skip.If(problem == "a location nobody can write to" && !OperatingSystem.IsLinux(), "procfs is Linux only");
        using (ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db")))
        {
        }

        using var archive = ArchiveReader.Open(Path.Combine(_dir, "db", "archive.db"));
        var ex = await Assert.ThrowsAsync<SpectraException>(() =>
            new ArchiveExporter(archive, new RecordingSink()).ExportAsync(format, destination, [], null, CancellationToken.None));

        Assert.Equal(("ExportDestinationUnwritable", SpectraErrorCategory.WriteError), (ex.ErrorId, ex.Category));
        Assert.Equal(destination, ex.Location?.File);
        Assert.Contains("-Destination", ex.Fix, StringComparison.Ordinal);
        Assert.True(ex.InnerException is IOException or UnauthorizedAccessException, ex.InnerException?.GetType().FullName);
    }

    [Theory]
    [InlineData("page.html", "text/html")]
    [InlineData("drawing.svg", "image/svg+xml")]
    [InlineData("x.xhtml", "application/xhtml+xml")]
    public async Task HtmlSiteNeverGivesACopiedFileAnExtensionABrowserWouldRun(string name, string mime)
    {
        // A sent file named *.html or *.svg, copied under that extension and linked, runs its script when opened
        // from the site (or served beside it by a static host), where it can read the rest of the archive.
        var export = OneFileExport(Path.Combine(_dir, "export"), 100, name, "<script>alert(1)</script>"u8.ToArray(), mime);
        using var db = ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db"));
        await Import(db, export);
        var site = Path.Combine(_dir, "site");

        var (chats, problems) = await Export(db, ArchiveExportFormat.Html, site);

        Assert.Empty(problems);
        Assert.Equal(1L, chats.Single().MediaFiles);
        var copied = Directory.GetFiles(Path.Combine(site, "media"), "*", SearchOption.AllDirectories).Single();
        Assert.Equal(string.Empty, Path.GetExtension(copied));
        var links = MediaLink().Matches(File.ReadAllText(chats.Single().Path)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal("../../media/" + Path.GetRelativePath(Path.Combine(site, "media"), copied), links.Single());
        Assert.Contains(name, File.ReadAllText(chats.Single().Path), StringComparison.Ordinal); // still shown by its name
    }

    [Theory]
    [InlineData("AAAAAAAAAA", "BBBBBBBBBB")] // same length: not even reported before
    [InlineData("AAAAAAAAAA", "BBBB")]
    public async Task TwoChatsWhoseFilesShareAnExportPathReimportWithTheirOwnFiles(string first, string second)
    {
        // Two exports imported into one archive both name their (different) photo photos/photo_1@....jpg, as Telegram
        // Desktop does for the first photo of every chat. Re-exported together, each chat must keep its own file.
        using var db = ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db"));
        await Import(db, OneFileExport(Path.Combine(_dir, "a"), 100, null, System.Text.Encoding.ASCII.GetBytes(first), null));
        await Import(db, OneFileExport(Path.Combine(_dir, "b"), 200, null, System.Text.Encoding.ASCII.GetBytes(second), null));
        var exportDir = Path.Combine(_dir, "export");

        var (chats, problems) = await Export(db, ArchiveExportFormat.Json, exportDir);

        Assert.Empty(problems);
        Assert.Equal(2L, chats.Sum(c => c.MediaFiles));
        using var again = ArchiveDatabase.Open(Path.Combine(_dir, "again", "archive.db"));
        await Import(again, exportDir);
        const string files = "SELECT peer_id || ' ' || sha256 FROM message_media ORDER BY peer_id";
        Assert.Equal(Column(db, files), Column(again, files));
        const string texts = "SELECT peer_id || ' ' || message_id || ' ' || text FROM messages ORDER BY peer_id, message_id";
        Assert.Equal(Column(db, texts), Column(again, texts));
    }

    [Fact]
    public async Task AStoppedJsonExportLeavesTheEarlierResultJsonAndNoPartialFile()
    {
        using var db = ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db"));
        await Import(db, SampleExport.Folder);
        var dest = Path.Combine(_dir, "export");
        Directory.CreateDirectory(dest);
        File.WriteAllText(Path.Combine(dest, "result.json"), "{\"earlier\": \"export\"}");
        using var stop = new CancellationTokenSource();
        using var archive = ReaderOf(db);
        // Ctrl+C as the export starts: the stop is seen at the first media file copied, with result.json half written.
        var exporter = new ArchiveExporter(archive, new RecordingSink { OnLog = m => { if (m.StartsWith("Export of", StringComparison.Ordinal)) { stop.Cancel(); } } });

        // The half-written export must not take the complete file's name.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exporter.ExportAsync(ArchiveExportFormat.Json, dest,
            exporter.SelectPeers([]).Peers, null, stop.Token));

        Assert.Equal("{\"earlier\": \"export\"}", File.ReadAllText(Path.Combine(dest, "result.json")));
        Assert.Equal(["result.json"], Directory.GetFiles(dest).Select(Path.GetFileName));
    }

    [Fact]
    public async Task HtmlPagesAndIndexCountTheMessagesExportedWhenTheArchiveGrowsDuringTheExport()
    {
        // The chats are chosen (and their messages counted) before any is written; an import or archive run that adds
        // messages meanwhile gave pages past the last one ("Page 3 of 2"), which no link reached, and a stale index.
        using var db = ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db"));
        await Import(db, SampleExport.Folder);
        using var archive = ReaderOf(db);
        var exporter = new ArchiveExporter(archive, new RecordingSink()) { PageSize = 10 };
        var peers = exporter.SelectPeers(["Old Group"]).Peers;
        var peer = peers.Single();
        using (var writer = db.CreateWriter())
        {
            writer.WriteBatch(peer.PeerId, Enumerable.Range(1000, 25)
                .Select(i => new ArchivedMessage(i, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + i)) { Text = $"added {i}" }).ToList());
        }

        var site = Path.Combine(_dir, "site");
        var chat = (await exporter.ExportAsync(ArchiveExportFormat.Html, site, peers, null, CancellationToken.None)).Single();

        var pages = (int)((chat.Messages + 9) / 10);
        Assert.Equal(peer.MessageCount + 25, chat.Messages);
        Assert.Equal(pages, Directory.GetFiles(Path.GetDirectoryName(chat.Path)!, "page-*.html").Length);
        var last = File.ReadAllText(Path.Combine(Path.GetDirectoryName(chat.Path)!, HtmlSiteWriter.PageName(pages)));
        Assert.Contains($"<span>Page {pages} of {pages}</span>", last, StringComparison.Ordinal);
        Assert.Contains($"href=\"{HtmlSiteWriter.PageName(pages)}\">Last", File.ReadAllText(chat.Path), StringComparison.Ordinal);
        Assert.Contains($"<td>{chat.Messages}</td><td>{pages}</td>", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlSiteShowsControlCharactersAsReplacementCharacters()
    {
        // HTML allows no control characters in text; they went into the page as they were.
        using var db = await ImportedFrom("""
            {"name": "Chat\u0001", "type": "private_group", "id": 57, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "E\u0007ve", "from_id": "user1",
               "text": "a\u0000b\u0085c\td\ne", "text_entities": []}]}
            """);

        var (chats, _) = await Export(db, ArchiveExportFormat.Html, Path.Combine(_dir, "site"));

        var page = File.ReadAllText(chats.Single().Path);
        Assert.Contains("a\uFFFDb\uFFFDc\td\ne", page, StringComparison.Ordinal);
        Assert.Contains("E\uFFFDve", page, StringComparison.Ordinal);
        Assert.DoesNotContain(page, c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
        Assert.DoesNotContain(File.ReadAllText(Path.Combine(_dir, "site", "index.html")), c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
    }

    [Fact]
    public async Task HtmlSiteKeepsARightToLeftOverrideInANameFromReversingTheTextAfterIt()
    {
        // U+202E runs to the end of its paragraph unless an element isolates it: in "<name> <date> #<id>" a sender
        // named "Eve\u202E" made the date and id read backwards (and a service actor the action after it).
        using var db = await ImportedFrom("""
            {"name": "Chat", "type": "private_group", "id": 55, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "Eve\u202e", "from_id": "user1",
               "forwarded_from": "Mallory\u202e", "via_bot": "@bot\u202e", "text": "hi", "text_entities": []},
              {"id": 2, "type": "service", "date_unixtime": "1700000001", "actor": "Eve\u202e", "actor_id": "user1",
               "action": "edit_group_title", "title": "T\u202e", "text": "", "text_entities": []},
              {"id": 3, "type": "message", "date_unixtime": "1700000002", "from": "Bob", "from_id": "user2", "text": "",
               "poll": {"question": "Q\u202e", "answers": [{"text": "A\u202e", "voters": 2}]},
               "contact_information": {"first_name": "C\u202e"}, "text_entities": []}]}
            """);

        var (chats, _) = await Export(db, ArchiveExportFormat.Html, Path.Combine(_dir, "site"));

        var page = File.ReadAllText(chats.Single().Path);
        var overrides = Regex.Matches(page, "\u202E(.{0,6})").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(8, overrides.Count);
        Assert.All(overrides, after => Assert.StartsWith("</bdi>", after, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStoppedExportLeavesNoCutOffMediaFileUnderItsFinalName()
    {
        // Ctrl+C during a copy left the file cut off under its real name: it looked exported, and the next export into
        // the folder took it for a different file (a conflict) instead of finishing it.
        var export = OneFileExport(Path.Combine(_dir, "export"), 100, null, new byte[100_000], null);
        using var db = ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db"));
        await Import(db, export);
        var dest = Path.Combine(_dir, "out");
        using var archive = ReaderOf(db);
        var exporter = new ArchiveExporter(archive, new RecordingSink());
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            exporter.ExportAsync(ArchiveExportFormat.Json, dest, exporter.SelectPeers([]).Peers, null, stopped.Token));

        Assert.Empty(Directory.GetFiles(dest, "*", SearchOption.AllDirectories));
        var (chats, problems) = await Export(db, ArchiveExportFormat.Json, dest);
        Assert.Empty(problems);
        Assert.Equal(1L, chats.Single().MediaFiles);
        Assert.Equal(100_000L, new FileInfo(Path.Combine(dest, "photos", "photo_1@01-01-2024_00-00-00.jpg")).Length);
    }

    [Fact]
    public async Task AMediaFileNamedResultJsonIsNotReplacedByTheExportItself()
    {
        // An export can name any file of its folder as an attachment, result.json included; exported again, that file
        // was copied to result.json and then overwritten by the export, and the message re-imported with the export.
        using var db = await ImportedFrom("""
            {"name": "Chat", "type": "private_group", "id": 56, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "Eve", "from_id": "user1",
               "file": "result.json", "file_name": "result.json", "text": "see attached", "text_entities": []}]}
            """);
        var exportDir = Path.Combine(_dir, "out");

        var (chats, problems) = await Export(db, ArchiveExportFormat.Json, exportDir);

        Assert.Empty(problems);
        Assert.Equal(1L, chats.Single().MediaFiles);
        using var again = ArchiveDatabase.Open(Path.Combine(_dir, "again", "archive.db"));
        await Import(again, exportDir);
        const string files = "SELECT peer_id || ' ' || sha256 FROM message_media ORDER BY peer_id";
        Assert.Equal(Column(db, files), Column(again, files));
    }

    /// <summary>An archive with <paramref name="resultJson"/> imported into it from a single-chat export folder.</summary>
    private async Task<ArchiveDatabase> ImportedFrom(string resultJson)
    {
        var folder = Path.Combine(_dir, "export");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "result.json"), resultJson);
        var db = ArchiveDatabase.Open(Path.Combine(_dir, "db", "archive.db"));
        await Import(db, folder);
        return db;
    }

    /// <summary>A one-message chat with one attachment: a photo when <paramref name="name"/> is null, else a file of that name.</summary>
    private static string OneFileExport(string folder, long chatId, string? name, byte[] content, string? mime)
    {
        var relative = name is null ? "photos/photo_1@01-01-2024_00-00-00.jpg" : "files/" + name;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, relative))!);
        File.WriteAllBytes(Path.Combine(folder, relative), content);
        var media = name is null
            ? $"\"photo\": \"{relative}\", \"width\": 1, \"height\": 1"
            : $"\"file\": \"{relative}\", \"file_name\": \"{name}\", \"mime_type\": \"{mime}\"";
        File.WriteAllText(Path.Combine(folder, "result.json"), FormattableString.Invariant($$"""
            {"name": "Chat {{chatId}}", "type": "private_group", "id": {{chatId}}, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "X", "from_id": "user1", {{media}},
               "text": "attached", "text_entities": [{"type": "plain", "text": "attached"}]}]}
            """));
        return folder;
    }

    private static List<string> Column(ArchiveDatabase db, string sql)
    {
        using var command = db.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>The exporter reads through a reader, as the cmdlet gives it; the test's writer stays open beside it.</summary>
    private static ArchiveReader ReaderOf(ArchiveDatabase db) => ArchiveReader.Open(db.Path, db.Media.RootDirectory);

    private static List<string> Rows(ArchiveDatabase db, string columns)
    {
        using var command = db.Connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM messages ORDER BY message_id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString())));
        }

        return rows;
    }

    [GeneratedRegex("(?:src|href)=\"(\\.\\./\\.\\./media/[^\"]+)\"")]
    private static partial Regex MediaLink();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}
