using System.Text;
using System.Text.Json;
using Spectra.Core.Errors;
using Spectra.Core.Import;
using Spectra.Core.Storage.Model;

namespace Spectra.Core.Tests.Import;

public class TdesktopExportReaderTests
{
    private static List<(ExportItemKind Kind, ExportChat? Chat, long? MessageId, int Line, string Path)> ReadAll(TdesktopExportReader reader)
    {
        var items = new List<(ExportItemKind, ExportChat?, long?, int, string)>();
        while (reader.Read())
        {
            long? id = null;
            if (reader.Kind == ExportItemKind.Message)
            {
                using var doc = JsonDocument.Parse(reader.MessageJson.ToArray());
                id = doc.RootElement.GetProperty("id").GetInt64();
            }

            items.Add((reader.Kind, reader.Chat, id, reader.MessageLine, reader.MessagePath));
        }

        return items;
    }

    private static TdesktopExportReader FromText(string json, int chunk = 4096, bool seekable = false) =>
        new(new TrickleStream(Encoding.UTF8.GetBytes(json), chunk, seekable), "test.json");

    [Fact]
    public void WholeAccountSampleYieldsEveryChatWithItsMessagesAndSkipsAccountSections()
    {
        using var reader = TdesktopExportReader.Open(SampleExport.ResultJson);
        var items = ReadAll(reader);

        var chats = items.Where(i => i.Kind == ExportItemKind.ChatStarted).Select(i => i.Chat!).ToList();
        Assert.Equal(["Spectra Sample Channel", "Sample Group", "Alice Example", "Old Group"], chats.Select(c => c.Name));
        Assert.Equal([1234567890L, 2233445566L, 5550001L, 777000L], chats.Select(c => c.Id!.Value));
        Assert.Equal([false, false, false, true], chats.Select(c => c.Left));
        Assert.Equal([PeerType.Channel, PeerType.Supergroup, PeerType.User, PeerType.Group], chats.Select(ExportMessageMapper.PeerTypeOf));
        Assert.Equal(4, items.Count(i => i.Kind == ExportItemKind.ChatCompleted));
        Assert.Equal(34 + 14 + 3 + 3, items.Count(i => i.Kind == ExportItemKind.Message));
        Assert.Equal("left_chats.list[0].messages[2]", items.Last(i => i.Kind == ExportItemKind.Message).Path);
    }

    [Fact]
    public void SingleChatExportIsOneChat()
    {
        var json = """
            {
              "name": "Solo",
              "type": "private_channel",
              "id": 42,
              "messages": [
                {"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "date_unixtime": "1704067200", "text": "a"},
                {"id": 2, "type": "message", "date": "2024-01-01T00:00:01", "date_unixtime": "1704067201", "text": "b"}
              ]
            }
            """;
        using var reader = FromText(json);
        var items = ReadAll(reader);

        Assert.Equal([ExportItemKind.ChatStarted, ExportItemKind.Message, ExportItemKind.Message, ExportItemKind.ChatCompleted],
            items.Select(i => i.Kind));
        Assert.Equal(("Solo", "private_channel", 42L), (items[0].Chat!.Name, items[0].Chat!.Type, items[0].Chat!.Id!.Value));
        Assert.Equal([1L, 2L], items.Where(i => i.MessageId is not null).Select(i => i.MessageId!.Value));
        Assert.Equal([6, 7], items.Where(i => i.MessageId is not null).Select(i => i.Line));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void MessagesLargerThanTheBufferAndTinyReadsStillParse(int chunk)
    {
        var big = new string('x', 300_000);
        var json = "\uFEFF{\"name\":\"N\",\"type\":\"public_channel\",\"id\":1,\"messages\":[" +
            "{\"id\":1,\"date_unixtime\":\"1\",\"text\":\"" + big + "\"}," +
            "{\"id\":2,\"date_unixtime\":\"2\",\"text\":[\"s\",{\"type\":\"bold\",\"text\":\"t\"}]}]}";
        using var reader = FromText(json, chunk);
        var ids = new List<long>();
        var sizes = new List<int>();
        while (reader.Read())
        {
            if (reader.Kind == ExportItemKind.Message)
            {
                var message = TdesktopMessageParser.Parse(reader.MessageJson, "t", reader.MessageLine, reader.MessagePath);
                ids.Add(message.Id);
                sizes.Add(message.Text.Length);
            }
        }

        Assert.Equal([1L, 2L], ids);
        Assert.Equal([300_000, 2], sizes);
    }

    [Fact]
    public void TruncatedExportIsReportedWithItsId()
    {
        using var reader = FromText("{\"name\":\"N\",\"id\":1,\"messages\":[{\"id\":1,\"date_unixtime\":\"1\"},{\"id\":2,");
        var seen = 0;
        var ex = Assert.Throws<SpectraException>(() =>
        {
            while (reader.Read())
            {
                seen++;
            }
        });
        Assert.Equal("ExportTruncated", ex.ErrorId);
        Assert.Equal(2, seen); // the chat start and the complete first message came through before the cut.
    }

    [Fact]
    public void TopLevelArrayIsNotAnExport()
    {
        using var reader = FromText("[1,2,3]");
        var ex = Assert.Throws<SpectraException>(() => reader.Read());
        Assert.Equal("ExportNotAnObject", ex.ErrorId);
    }

    [Fact]
    public void BrokenJsonIsAParserErrorWithALine()
    {
        using var reader = FromText("{\n\"name\": \"x\",\n\"messages\": [\n{\"id\": 1,, }]}");
        var ex = Assert.Throws<SpectraException>(() =>
        {
            while (reader.Read())
            {
            }
        });
        Assert.Equal("ExportJsonInvalid", ex.ErrorId);
        Assert.Equal(SpectraErrorCategory.ParserError, ex.Category);
        Assert.Equal(4, ex.Location!.Line);
        Assert.Contains("at line 4, byte 10", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(7)]
    public void A_syntax_error_deep_in_a_large_file_names_its_own_line(int chunk)
    {
        // Far past the first 64 KiB buffer, with lines consumed across many refills before the damage.
        var json = new StringBuilder("{\n\"name\": \"Big\",\n\"id\": 1,\n\"messages\": [\n");
        for (var i = 1; i <= 3000; i++)
        {
            json.Append(FormattableString.Invariant($"{{\"id\": {i}, \"date_unixtime\": \"1700000000\",\n \"text\": \"message number {i}\"}},\n"));
        }

        json.Append("{\"id\": 3001, \"text\": \"oops\" \"extra\"}\n]}\n");
        var expected = 4 + (3000 * 2) + 1;
        using var reader = FromText(json.ToString(), chunk);
        var ex = Assert.Throws<SpectraException>(() =>
        {
            while (reader.Read())
            {
            }
        });
        Assert.Equal(("ExportJsonInvalid", expected), (ex.ErrorId, ex.Location!.Line));
    }

    [Theory]
    [InlineData("{\"name\": \"N\", \"id\": 1,\n\"messages\": {\"a\": 1}}", "an object")]
    [InlineData("{\"name\": \"N\", \"id\": 1,\n\"messages\": \"none\"}", "a string")]
    [InlineData("{\"chats\": {\"list\": [{\"name\": \"N\", \"id\": 1,\n\"messages\": null}]}}", "null")]
    public void A_message_list_that_is_not_a_list_is_an_error_with_its_place(string json, string what)
    {
        using var reader = FromText(json);
        var ex = Assert.Throws<SpectraException>(() =>
        {
            while (reader.Read())
            {
            }
        });
        Assert.Equal(("ExportMessagesInvalid", SpectraErrorCategory.InvalidData), (ex.ErrorId, ex.Category));
        Assert.Equal(2, ex.Location!.Line);
        Assert.EndsWith("messages", ex.Location.Field, StringComparison.Ordinal);
        Assert.Contains(what, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"name\": \"N\", \"type\": \"personal_chat\", \"id\": 1}")]
    [InlineData("{\"personal_information\": {\"first_name\": \"A\"}}")]
    public void A_document_without_any_chat_is_an_error(string json)
    {
        using var reader = FromText(json);
        var ex = Assert.Throws<SpectraException>(() =>
        {
            while (reader.Read())
            {
            }
        });
        Assert.Equal("ExportHasNoChats", ex.ErrorId);
    }

    [Theory]
    [InlineData(4096, "")]
    [InlineData(5, "")]
    [InlineData(4096, "\uFEFF")]
    [InlineData(3, "\uFEFF")]
    public void A_chat_whose_id_and_type_come_after_its_messages_is_read_as_if_they_came_first(int chunk, string bom)
    {
        // Keys sorted (jq -S): id, messages, name, type; in the list, the second chat has its id last as well.
        var json = bom + """
            {"chats": {"list": [
              {"id": 5,
               "messages": [
                 {"date_unixtime": "1700000000", "id": 1, "text": "a"},
                 {"date_unixtime": "1700000001", "id": 2, "text": "b"}
               ],
               "name": "Sorted", "type": "personal_chat"},
              {"messages": [
                 {"date_unixtime": "1700000002", "id": 3, "text": "c"}
               ],
               "name": "Late id", "type": "public_supergroup", "id": 6}
            ]}}
            """;
        using var reader = FromText(json, chunk, seekable: true);
        var items = ReadAll(reader);

        Assert.Equal([ExportItemKind.ChatStarted, ExportItemKind.Message, ExportItemKind.Message, ExportItemKind.ChatCompleted,
            ExportItemKind.ChatStarted, ExportItemKind.Message, ExportItemKind.ChatCompleted], items.Select(i => i.Kind));
        Assert.Equal(("Sorted", "personal_chat", 5L), (items[0].Chat!.Name, items[0].Chat!.Type, items[0].Chat!.Id));
        Assert.Equal(("Late id", "public_supergroup", 6L), (items[4].Chat!.Name, items[4].Chat!.Type, items[4].Chat!.Id));
        Assert.Equal([1L, 2L, 3L], items.Where(i => i.MessageId is not null).Select(i => i.MessageId!.Value));
        Assert.Equal([4, 5, 9], items.Where(i => i.MessageId is not null).Select(i => i.Line));
        Assert.Equal(["chats.list[0].messages[0]", "chats.list[0].messages[1]", "chats.list[1].messages[0]"],
            items.Where(i => i.MessageId is not null).Select(i => i.Path));
    }

    [Fact]
    public void A_stream_that_cannot_seek_reads_a_reordered_chat_without_its_late_fields()
    {
        using var reader = FromText("""{"messages": [{"date_unixtime": "1", "id": 1}], "name": "N", "type": "personal_chat", "id": 5}""");
        var items = ReadAll(reader);
        Assert.Equal((null, null, null), (items[0].Chat!.Name, items[0].Chat!.Type, items[0].Chat!.Id));
        Assert.Equal(1L, items[1].MessageId);
    }

    [Fact]
    public void ChatWithoutMessagesIsStillReported()
    {
        using var reader = FromText("{\"chats\":{\"list\":[{\"name\":\"Empty\",\"type\":\"private_group\",\"id\":5},{\"name\":\"B\",\"id\":6,\"messages\":[]}]}}");
        var items = ReadAll(reader);
        Assert.Equal([ExportItemKind.ChatStarted, ExportItemKind.ChatCompleted, ExportItemKind.ChatStarted, ExportItemKind.ChatCompleted],
            items.Select(i => i.Kind));
        Assert.Equal("Empty", items[0].Chat!.Name);
        Assert.Equal("B", items[2].Chat!.Name);
    }
}
