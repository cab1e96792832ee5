using Microsoft.Data.Sqlite;
using Spectra.Core.Errors;
using Spectra.Core.Export;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;
using Spectra.Core.Storage.Query;
using Spectra.Core.Tests.Support;

namespace Spectra.Core.Tests.Storage;

public sealed class ArchiveReaderTests
{
    private static readonly DateTimeOffset s_day = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Channel_summaries_count_messages_dates_and_media()
    {
        using var temp = new TempArchive();
        var record = await IntegrityCheckerTests.SeedWithMediaAsync(temp);
        using var reader = ArchiveReaderFor(temp);

        var channel = Assert.Single(reader.GetChannels());

        Assert.Equal(TempArchive.Channel().PeerId, channel.PeerId);
        Assert.Equal(11, channel.MessageCount);
        Assert.Equal(TempArchive.Message(1).Date, channel.FirstDate);
        Assert.Equal(TempArchive.Message(11).Date, channel.LastDate);
        Assert.Equal((2L, 1L, record.Size), (channel.MediaCount, channel.MediaFiles, channel.MediaBytes));
        Assert.Equal(SyncStatus.Complete, channel.SyncStatus);
    }

    [Fact]
    public void Channels_resolve_by_id_bare_id_username_and_title_and_refuse_unknown_names()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(1))
        {
        }

        using var reader = ArchiveReaderFor(temp);
        var id = TempArchive.Channel().PeerId;
        Assert.Equal(id, reader.ResolveChannel(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(id, reader.ResolveChannel("1001"));
        Assert.Equal(id, reader.ResolveChannel("@Spectra_Test"));
        Assert.Equal(id, reader.ResolveChannel("Test channel"));
        Assert.Equal("ChannelNotFound", Assert.Throws<SpectraException>(() => reader.ResolveChannel("nope")).ErrorId);
    }

    [Fact]
    public void Channels_resolve_by_a_title_that_looks_like_a_number_or_differs_from_another_only_in_case()
    {
        using var temp = new TempArchive();
        using (var db = temp.Open())
        using (var writer = db.CreateWriter())
        {
            writer.UpsertPeer(TempArchive.Channel(2001, null, "2024"));
            writer.UpsertPeer(TempArchive.Channel(2002, null, "News"));
            writer.UpsertPeer(TempArchive.Channel(2003, null, "news"));
            writer.UpsertPeer(TempArchive.Channel(2004, null, "Дневник"));
        }

        using var reader = ArchiveReaderFor(temp);
        Assert.Equal(TempArchive.Channel(2001).PeerId, reader.ResolveChannel("2024"));
        Assert.Equal(TempArchive.Channel(2001).PeerId, reader.ResolveChannel("2001")); // an id still wins
        Assert.Equal(TempArchive.Channel(2002).PeerId, reader.ResolveChannel("News"));
        Assert.Equal(TempArchive.Channel(2003).PeerId, reader.ResolveChannel("news"));
        Assert.Equal("AmbiguousChannel", Assert.Throws<SpectraException>(() => reader.ResolveChannel("NEWS")).ErrorId);
        Assert.Equal(TempArchive.Channel(2004).PeerId, reader.ResolveChannel("дневник"));
    }

    [Fact]
    public async Task Message_filters_combine()
    {
        using var temp = new TempArchive();
        using (var db = temp.Open())
        using (var writer = db.CreateWriter())
        {
            var peer = TempArchive.Channel();
            writer.UpsertPeer(peer);
            var record = await db.Media.StoreAsync(new MemoryStream([9, 9, 9]), "a.png", null);
            writer.WriteBatch(peer.PeerId,
            [
                new ArchivedMessage(1, s_day) { Text = "one", SenderId = 7, SenderName = "Alice Smith" },
                new ArchivedMessage(2, s_day.AddDays(1)) { Text = "two", SenderId = 8, SenderName = "Bob" },
                new ArchivedMessage(3, s_day.AddDays(2)) { Text = "three", SenderId = 7, SenderName = "Alice Smith",
                    Media = [new ArchivedMedia("photo") { Stored = record, OriginalName = "a.png" }] },
                new ArchivedMessage(4, s_day.AddDays(3)) { Text = "four", SenderId = 8, SenderName = "Bob" },
            ]);
        }

        using var reader = ArchiveReaderFor(temp);
        long[] Ids(MessageQuery q) => reader.GetMessages(q).Select(m => m.MessageId).ToArray();
        Assert.Equal([1, 2, 3, 4], Ids(new MessageQuery()));
        Assert.Equal([2, 3], Ids(new MessageQuery { After = s_day.AddDays(1), Before = s_day.AddDays(3) }));
        Assert.Equal([1, 3], Ids(new MessageQuery { Sender = "alice*" }));
        Assert.Equal([2, 4], Ids(new MessageQuery { Sender = "8" }));
        Assert.Equal([3], Ids(new MessageQuery { HasMedia = true }));
        Assert.Equal([1, 2, 4], Ids(new MessageQuery { HasMedia = false }));
        Assert.Equal([2, 4], Ids(new MessageQuery { Ids = [2, 4, 99] }));
        Assert.Equal([1, 2], Ids(new MessageQuery { First = 2 }));
        Assert.Empty(Ids(new MessageQuery { ChannelId = 12345 }));

        var withMedia = reader.GetMessages(new MessageQuery { Ids = [3] }).Single();
        var media = Assert.Single(withMedia.Media);
        Assert.Equal(("photo", "a.png", "image/png", 3L), (media.Kind, media.FileName, media.Mime, media.Size));
        Assert.True(File.Exists(media.FullPath));
        Assert.Equal("Test channel", withMedia.ChannelTitle);
    }

    [Fact]
    public void Sender_names_match_ignoring_case_beyond_ascii_with_only_star_and_question_mark_special()
    {
        using var temp = new TempArchive();
        temp.Write(
        [
            new ArchivedMessage(1, s_day) { Text = "1", SenderName = "Иван Петров" },
            new ArchivedMessage(2, s_day) { Text = "2", SenderName = "Ünal" },
            new ArchivedMessage(3, s_day) { Text = "3", SenderName = "100% Real_Name" },
            new ArchivedMessage(4, s_day) { Text = "4", SenderName = "1000 RealXName" },
            new ArchivedMessage(5, s_day) { Text = "5", SenderName = "a.b (c)" },
            new ArchivedMessage(6, s_day) { Text = "6", SenderName = "Bob 🚀" },
        ]);

        using var reader = ArchiveReaderFor(temp);
        long[] Ids(string sender) => reader.GetMessages(new MessageQuery { Sender = sender }).Select(m => m.MessageId).ToArray();
        Assert.Equal([1], Ids("иван*"));
        Assert.Equal([1], Ids("ИВАН ПЕТРОВ"));
        Assert.Equal([2], Ids("ünal"));
        Assert.Equal([3], Ids("100% real_name"));
        Assert.Equal([3, 4], Ids("100? real?name"));
        Assert.Equal([5], Ids("A.B (?)"));
        Assert.Empty(Ids("a.b"));
        Assert.Equal([6], Ids("bob ?"));
    }

    [Fact]
    public void Interrupt_stops_the_running_query_as_a_cancellation()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(50))
        {
        }

        using var reader = ArchiveReaderFor(temp);
        using (var messages = reader.GetMessages(new MessageQuery()).GetEnumerator())
        {
            Assert.True(messages.MoveNext());
            reader.Interrupt(); // as StopProcessing does, from the pipeline's other thread, while SQLite works
            Assert.Throws<OperationCanceledException>(() => messages.MoveNext());
        }

        using (var hits = reader.Search(new SearchQuery("message")).GetEnumerator())
        {
            Assert.True(hits.MoveNext());
            reader.Interrupt();
            Assert.Throws<OperationCanceledException>(() => hits.MoveNext());
        }

        Assert.Equal(50, reader.GetMessages(new MessageQuery()).Count()); // the next query runs again
        reader.Dispose();
        reader.Interrupt(); // a Stop that comes after the command ended its reader does nothing
    }

    [Fact]
    public async Task An_attachment_whose_stored_file_is_gone_is_shown_missing_with_a_reason_not_a_path()
    {
        using var temp = new TempArchive();
        MediaRecord record;
        using (var db = temp.Open())
        using (var writer = db.CreateWriter())
        {
            var peer = TempArchive.Channel();
            writer.UpsertPeer(peer);
            record = await db.Media.StoreAsync(new MemoryStream([1, 2, 3]), "a.png", null);
            writer.WriteBatch(peer.PeerId, [new ArchivedMessage(1, s_day)
            {
                Media = [new ArchivedMedia("photo") { Stored = record, OriginalName = "a.png" }],
            }]);
        }

        using var reader = ArchiveReaderFor(temp);
        File.Delete(reader.Media.FullPathOf(record.Sha256));

        var media = Assert.Single(reader.GetMessages(new MessageQuery()).Single().Media);
        Assert.Null(media.FullPath);
        Assert.Equal(ArchiveReader.StoredFileGone, media.MissingReason);
        Assert.Equal(record.Sha256, media.Sha256);
    }

    [Fact]
    public void Date_bounds_between_whole_seconds_keep_after_inclusive_and_before_exclusive()
    {
        using var temp = new TempArchive();
        temp.Write(
        [
            new ArchivedMessage(1, s_day) { Text = "half past" },
            new ArchivedMessage(2, s_day.AddSeconds(1)) { Text = "half past" },
        ]);

        using var reader = ArchiveReaderFor(temp);
        var half = s_day.AddMilliseconds(500); // (Get-Date) and typed times carry fractions; stored dates do not
        long[] Ids(MessageQuery q) => reader.GetMessages(q).Select(m => m.MessageId).ToArray();
        long[] Hits(SearchQuery q) => reader.Search(q).Select(h => h.Message.MessageId).ToArray();
        Assert.Equal([2], Ids(new MessageQuery { After = half }));
        Assert.Equal([1], Ids(new MessageQuery { Before = half }));
        Assert.Equal([2], Hits(new SearchQuery("half") { After = half }));
        Assert.Equal([1], Hits(new SearchQuery("half") { Before = half }));
        Assert.Equal([1], Ids(new MessageQuery { After = s_day, Before = s_day.AddSeconds(1) }));
        Assert.Equal([1, 2], Ids(new MessageQuery { After = DateTimeOffset.MinValue, Before = DateTimeOffset.MaxValue }));
    }

    [Fact]
    public void Search_ranks_the_best_match_first_and_marks_hits_in_snippets()
    {
        using var temp = new TempArchive();
        temp.Write(
        [
            new ArchivedMessage(1, s_day) { Text = "The weather report mentions rain once among many other words about the city and traffic." },
            new ArchivedMessage(2, s_day) { Text = "Rain, rain and more rain: rain all day." },
            new ArchivedMessage(3, s_day) { Text = "Nothing relevant here." },
            new ArchivedMessage(4, s_day) { Text = "Café crème in Zürich" },
        ]);

        using var reader = ArchiveReaderFor(temp);
        var hits = reader.Search(new SearchQuery("rain")).ToList();
        Assert.Equal([2, 1], hits.Select(h => h.Message.MessageId));
        Assert.Equal([1, 2], hits.Select(h => h.Rank));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Contains("[Rain]", hits[0].Snippet, StringComparison.Ordinal);
        Assert.Contains("[rain]", hits[1].Snippet, StringComparison.Ordinal);

        // unicode61 with remove_diacritics 2: accents do not matter either way.
        Assert.Equal(4, reader.Search(new SearchQuery("cafe zurich")).Single().Message.MessageId);
        Assert.Equal(4, reader.Search(new SearchQuery("\"crème\"")).Single().Message.MessageId);
        Assert.Equal([1], reader.Search(new SearchQuery("rain NOT all")).Select(h => h.Message.MessageId));
        Assert.Equal([1], reader.Search(new SearchQuery("weath*")).Select(h => h.Message.MessageId));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("AND AND")]
    [InlineData("nocolumn: x")]
    [InlineData("(rain")]
    [InlineData("   ")]
    public void Bad_search_syntax_is_an_error_with_an_id(string query)
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(3))
        {
        }

        using var reader = ArchiveReaderFor(temp);
        var error = Assert.Throws<SpectraException>(() => reader.Search(new SearchQuery(query)).ToList());
        Assert.Equal("InvalidSearchQuery", error.ErrorId);
        Assert.Equal(SpectraErrorCategory.InvalidArgument, error.Category);
        Assert.NotNull(error.Fix);
    }

    [Theory]
    [InlineData("\"rain", "The search query is not valid FTS5 syntax: unterminated string.")]
    [InlineData("AND", "The search query is not valid FTS5 syntax: syntax error near \"AND\".")]
    [InlineData("-rain", "The search query is not valid FTS5 syntax: no such column: rain.")]
    public void Bad_search_syntax_says_what_SQLite_found_in_plain_words(string query, string message)
    {
        // It read "(SQLite Error 1: 'fts5: syntax error near "AND"'.)." before.
        using var temp = new TempArchive();
        using (temp.OpenSeeded(3))
        {
        }

        using var reader = ArchiveReaderFor(temp);
        var error = Assert.Throws<SpectraException>(() => reader.Search(new SearchQuery(query)).ToList());
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Reading_refuses_a_missing_file_without_creating_it()
    {
        using var temp = new TempArchive();
        Assert.Equal("DatabaseNotFound", Assert.Throws<SpectraException>(() => ArchiveReaderFor(temp)).ErrorId);
        Assert.False(File.Exists(temp.DatabasePath));
    }

    [Fact]
    public void Reading_streams_with_flat_memory()
    {
        using var temp = new TempArchive();
        using (var db = temp.Open())
        using (var writer = db.CreateWriter())
        {
            var peer = TempArchive.Channel();
            writer.UpsertPeer(peer);
            for (var start = 1; start <= 40_000; start += 5_000)
            {
                writer.WriteBatch(peer.PeerId, Enumerable.Range(start, 5_000)
                    .Select(i => TempArchive.Message(i, "archive streaming test message " + new string('x', 200))).ToList());
            }
        }

        using var reader = ArchiveReaderFor(temp);
        long early = 0, late = 0, count = 0;
        foreach (var message in reader.GetMessages(new MessageQuery()))
        {
            count++;
            if (count == 1_000)
            {
                early = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (count == 39_000)
            {
                late = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        Assert.Equal(40_000, count);
        // 38,000 messages of ~250 bytes of text lie between the two samples (~20 MB as .NET objects); a reader that
        // buffered them would show it.
        Assert.True(late - early < 2_000_000, $"memory grew by {late - early:N0} bytes while streaming");
        Assert.Equal(40_000, reader.Search(new SearchQuery("streaming")).LongCount());
    }

    [Fact]
    public void A_read_of_an_idle_archive_keeps_its_snapshot_while_a_writer_commits_and_checkpoints()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(3000))
        {
        }

        Assert.False(File.Exists(temp.DatabasePath + "-wal")); // idle: nobody has it open for writing
        var expected = Enumerable.Range(1, 3000).Select(i => ((long)i, TempArchive.Message(i).Text)).ToList();
        var seen = new List<(long, string?)>();
        using (var reader = ArchiveReaderFor(temp))
        {
            foreach (var message in reader.GetMessages(new MessageQuery()))
            {
                seen.Add((message.MessageId, message.Text));
                if (seen.Count == 10)
                {
                    temp.RewriteEveryMessageAndCheckpoint();
                }
            }
        }

        Assert.Equal(expected, seen);
        using var after = ArchiveReaderFor(temp);
        Assert.StartsWith("rewritten message number 1 ", after.GetMessages(new MessageQuery { First = 1 }).Single().Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_archive_in_a_folder_that_cannot_be_written_is_read_without_creating_files()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(50))
        {
        }

        var before = Directory.GetFiles(temp.Directory).Order().ToList();
        using (ReadOnlyFolder.Make(temp.Directory))
        using (var reader = ArchiveReaderFor(temp))
        {
            Assert.Equal(50, reader.GetMessages(new MessageQuery()).Count());
        }

        Assert.Equal(before, Directory.GetFiles(temp.Directory).Order());
    }

    [Fact]
    public void Damaged_pages_met_while_reading_are_DatabaseDamaged_with_the_path_and_a_fix()
    {
        using var temp = new TempArchive();
        using (temp.OpenSeeded(20000))
        {
        }

        temp.DamagePages();
        using var reader = ArchiveReaderFor(temp);
        var reads = new Dictionary<string, Action>
        {
            ["GetMessages"] = () => reader.GetMessages(new MessageQuery()).Count(),
            ["Search"] = () => reader.Search(new SearchQuery("number") { First = 100_000 }).Count(),
            ["ExportSource.Peers"] = () => ExportSource.Peers(reader),
            ["ExportSource.Messages"] = () => ExportSource.Messages(reader, TempArchive.Channel().PeerId).Count(),
        };
        foreach (var (name, read) in reads)
        {
            var error = Assert.Throws<SpectraException>(read);
            Assert.True(error.ErrorId == StorageErrors.DatabaseDamagedId, $"{name}: {error.ErrorId}");
            Assert.Equal(SpectraErrorCategory.InvalidData, error.Category);
            Assert.Equal(temp.DatabasePath, error.Location?.File);
            Assert.Contains("Test-SpectraDatabase -Deep", error.Fix, StringComparison.Ordinal);
            Assert.IsType<SqliteException>(error.InnerException);
        }
    }

    [Theory]
    [InlineData(11, "DatabaseDamaged", SpectraErrorCategory.InvalidData)] // SQLITE_CORRUPT
    [InlineData(267, "DatabaseDamaged", SpectraErrorCategory.InvalidData)] // SQLITE_CORRUPT_VTAB, as FTS5 raises it
    [InlineData(26, "DatabaseDamaged", SpectraErrorCategory.InvalidData)] // SQLITE_NOTADB
    [InlineData(10, "DatabaseReadFailed", SpectraErrorCategory.ReadError)] // SQLITE_IOERR
    [InlineData(5, "DatabaseReadFailed", SpectraErrorCategory.ReadError)] // SQLITE_BUSY
    public void Read_errors_are_classified_by_SQLite_code(int code, string id, SpectraErrorCategory category)
    {
        var error = StorageErrors.ReadFailed("/x/archive.db", new SqliteException("SQLite Error", code));

        Assert.Equal((id, category), (error.ErrorId, error.Category));
        Assert.True(StorageErrors.IsReadFailure(error));
        Assert.Equal("/x/archive.db", error.Location?.File);
        Assert.False(string.IsNullOrEmpty(error.Fix));
    }

    private static ArchiveReader ArchiveReaderFor(TempArchive temp) => ArchiveReader.Open(temp.DatabasePath);
}
