using System.Text;
using Spectra.Core.Errors;
using Spectra.Core.Import;

namespace Spectra.Core.Tests.Import;

public class TdesktopMessageParserTests
{
    private static ExportMessage Parse(string json) =>
        TdesktopMessageParser.Parse(Encoding.UTF8.GetBytes(json), "result.json", 10, "messages[0]");

    [Fact]
    public void PlainStringTextAndCoreFields()
    {
        var m = Parse("""
            {"id": 7, "type": "message", "date": "2024-03-01T10:00:00", "date_unixtime": "1709287200",
             "edited": "2024-03-02T08:00:00", "edited_unixtime": "1709366400",
             "from": "Alice", "from_id": "user5550001", "author": "Eve", "reply_to_message_id": 3,
             "reply_to_peer_id": 99, "forwarded_from": "Other", "saved_from": "Bob", "via_bot": "@bot",
             "text": "hello", "text_entities": [{"type": "plain", "text": "hello"}]}
            """);
        Assert.Equal(7, m.Id);
        Assert.Equal("message", m.Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1709287200), m.Date);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1709366400), m.EditDate);
        Assert.Equal(("Alice", new ExportPeerReference(ExportPeerKind.User, 5550001)), (m.FromName, m.FromId!.Value));
        Assert.Equal("Eve", m.Author);
        Assert.Equal((3L, 99L), (m.ReplyToMessageId!.Value, m.ReplyToPeerId!.Value));
        Assert.Equal(("Other", "Bob", "@bot"), (m.ForwardedFrom, m.SavedFrom, m.ViaBot));
        Assert.Equal("hello", m.Text);
        Assert.Empty(m.Entities);
        Assert.Contains("\"via_bot\"", m.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void MixedArrayTextIsFlattenedWithUtf16Offsets()
    {
        var m = Parse("""
            {"id": 1, "date_unixtime": "1",
             "text": ["😀 ", {"type": "bold", "text": "b"}, " ", {"type": "text_link", "text": "doc", "href": "https://x"},
                      {"type": "mention_name", "text": "Al", "user_id": 5}, {"type": "pre", "text": "p", "language": "ps"},
                      {"type": "custom_emoji", "text": "🙂", "document_id": "123"}]}
            """);
        Assert.Equal("😀 b docAlp🙂", m.Text);
        Assert.Collection(m.Entities,
            e => Assert.Equal(new ExportTextEntity("bold", 3, 1), e),
            e => Assert.Equal(new ExportTextEntity("text_link", 5, 3, Url: "https://x"), e),
            e => Assert.Equal(new ExportTextEntity("mention_name", 8, 2, UserId: 5), e),
            e => Assert.Equal(new ExportTextEntity("pre", 10, 1, Language: "ps"), e),
            e => Assert.Equal(new ExportTextEntity("custom_emoji", 11, 2, DocumentId: "123"), e));
    }

    [Fact]
    public void TextEntitiesArrayWinsOverTheTextArray()
    {
        var m = Parse("""
            {"id": 1, "date_unixtime": "1", "text": ["a", {"type": "italic", "text": "b"}],
             "text_entities": [{"type": "plain", "text": "a"}, {"type": "underline", "text": "b"}]}
            """);
        Assert.Equal("ab", m.Text);
        Assert.Equal([new ExportTextEntity("underline", 1, 1)], m.Entities);
    }

    [Theory]
    [InlineData("\"date_unixtime\": \"1700000000\"", 1700000000L)]
    [InlineData("\"date_unixtime\": 1700000000", 1700000000L)]
    [InlineData("\"date\": \"2023-11-14T22:13:20\"", 1700000000L)]
    public void DatesComeFromUnixtimeStringsNumbersOrTheIsoFallback(string field, long expected)
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(expected), Parse("{\"id\": 1, " + field + "}").Date);
    }

    [Theory]
    [InlineData("\"user12\"", ExportPeerKind.User, 12L)]
    [InlineData("\"channel34\"", ExportPeerKind.Channel, 34L)]
    [InlineData("\"chat56\"", ExportPeerKind.Chat, 56L)]
    [InlineData("78", ExportPeerKind.User, 78L)]
    public void FromIdPrefixesChooseThePeerKind(string raw, ExportPeerKind kind, long id)
    {
        var m = Parse("{\"id\": 1, \"date_unixtime\": \"1\", \"from_id\": " + raw + ", \"actor_id\": " + raw + "}");
        Assert.Equal(new ExportPeerReference(kind, id), m.FromId);
        Assert.Equal(new ExportPeerReference(kind, id), m.ActorId);
    }

    [Fact]
    public void ServiceMessagesKeepActionAndActor()
    {
        var m = Parse("""
            {"id": 2, "type": "service", "date_unixtime": "1", "actor": "Alice", "actor_id": "user1",
             "action": "invite_members", "members": ["Bob", "Carol"], "text": "", "text_entities": []}
            """);
        Assert.Equal(("service", "invite_members", "Alice"), (m.Type, m.Action, m.ActorName));
        Assert.Contains("\"members\"", m.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void MediaFieldsMapToReferencesAndPlaceholdersAreMissingNotPaths()
    {
        var m = Parse("""
            {"id": 3, "date_unixtime": "1", "file": "video_files/a.mp4", "file_name": "a.mp4", "file_size": 10,
             "thumbnail": "(File not included. Change data exporting settings to download.)",
             "media_type": "video_file", "mime_type": "video/mp4", "duration_seconds": 12, "width": 640, "height": 360}
            """);
        Assert.Equal("video_file", m.MediaType);
        Assert.Collection(m.Media,
            f => Assert.Equal(new ExportMediaReference("file", "video_file", "video_files/a.mp4", null, "a.mp4", 10, "video/mp4", 640, 360, 12), f),
            t =>
            {
                Assert.True(t.IsMissing);
                Assert.Equal(("thumbnail", "thumbnail"), (t.Field, t.Kind));
                Assert.StartsWith("(File not included", t.Placeholder, StringComparison.Ordinal);
            });
    }

    [Theory]
    [InlineData("(File not included. Change data exporting settings to download.)", true)]
    [InlineData("(File exceeds maximum size. Change data exporting settings to download.)", true)]
    [InlineData("(File unavailable, please try again later)", true)]
    [InlineData("files/(1).jpg", false)]
    [InlineData("photos/photo_1.jpg", false)]
    public void PlaceholderSentencesAreRecognised(string value, bool placeholder) =>
        Assert.Equal(placeholder, TdesktopMessageParser.IsPlaceholder(value));

    [Fact]
    public void StickerAndContactFilesAreTyped()
    {
        var sticker = Parse("{\"id\":1,\"date_unixtime\":\"1\",\"file\":\"stickers/s.webp\",\"media_type\":\"sticker\",\"sticker_emoji\":\"👍\"}");
        Assert.Equal(("sticker", "👍", "sticker"), (sticker.MediaType, sticker.StickerEmoji, sticker.Media[0].Kind));

        var contact = Parse("""{"id":1,"date_unixtime":"1","contact_information":{"first_name":"Carol","last_name":"E","phone_number":"+1"},"contact_vcard":"contacts/c.vcard"}""");
        Assert.Equal("contact_vcard", contact.Media[0].Kind);
    }

    [Theory]
    [InlineData("{\"date_unixtime\": \"1\"}", "ExportMessageIdMissing", "messages[0].id")]
    [InlineData("{\"id\": \"x\", \"date_unixtime\": \"1\"}", "ExportMessageIdMissing", "messages[0].id")]
    [InlineData("{\"id\": 1}", "ExportMessageDateMissing", "messages[0].date")]
    [InlineData("{\"id\": 1, \"date_unixtime\": \"1\", \"text\": 5}", "ExportMessageTextInvalid", "messages[0].text")]
    public void UnusableMessagesRaiseErrorsWithFieldAndLine(string json, string errorId, string field)
    {
        var ex = Assert.Throws<SpectraException>(() => Parse(json));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(new ErrorLocation("result.json", 10, field), ex.Location);
        Assert.NotNull(ex.Fix);
    }
}
