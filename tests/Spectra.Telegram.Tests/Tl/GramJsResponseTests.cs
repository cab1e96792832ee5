using System.Text.Json.Nodes;
using Spectra.Telegram.Tests.Oracles;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;
using Api = Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Tests.Tl;

/// <summary>
/// Responses as GramJS serializes them (a history page with every media kind and service messages, channels,
/// users, full channel, resolved peer, invite, forum topics): our readers parse them the way the client does
/// (through the request's ReadResult), the values come out right, and writing them back gives GramJS's bytes.
/// </summary>
public sealed class GramJsResponseTests : IClassFixture<GramJsTlOracle>
{
    private const string ChannelId = "1234567890";

    private readonly GramJsTlOracle _oracle;

    public GramJsResponseTests(GramJsTlOracle oracle) => _oracle = oracle;

    [SkippableFact]
    public void HistoryPage_WithEveryMediaKind_ParsesAndRoundTrips()
    {
        var bytes = _oracle.Serialize(HistoryPage());
        var page = Assert.IsType<Api.Messages_ChannelMessages>(new Api.Messages_GetHistoryRequest().ReadResult(new TlReader(bytes)));
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(page.ToBytes()));

        Assert.Equal(7, page.Pts);
        Assert.Equal(20_000, page.Count);
        Assert.True(page.Inexact);
        var messages = page.Messages;
        var text = Assert.IsType<Api.Message>(messages[0]);
        Assert.Equal(1000, text.Id);
        Assert.Equal("Hello, archive — привет 👋", text.MessageValue);
        Assert.True(text.Post);
        Assert.False(text.Out);
        Assert.Equal(1_234_567_890L, Assert.IsType<Api.PeerChannel>(text.PeerId).ChannelId);
        Assert.Equal(42, text.Views);
        Assert.Equal(3, text.Forwards);
        Assert.Equal(1_700_000_100, text.EditDate);
        Assert.Equal("https://example.org", Assert.IsType<Api.MessageEntityTextUrl>(text.Entities![1]).Url);
        Assert.Equal(990, Assert.IsType<Api.MessageReplyHeader>(text.ReplyTo).ReplyToMsgId);
        Assert.Equal("Original author", Assert.IsType<Api.MessageFwdHeader>(text.FwdFrom).FromName);
        Assert.Equal(15, Assert.IsType<Api.MessageReactions>(text.Reactions).Results[0].Count);
        Assert.Equal(4, text.Replies!.Replies);

        var photo = Assert.IsType<Api.Photo>(Assert.IsType<Api.MessageMediaPhoto>(Media(messages[1])).Photo);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, photo.FileReference);
        Assert.Equal(new[] { 1000, 5000, 12000 }, Assert.IsType<Api.PhotoSizeProgressive>(photo.Sizes[1]).Sizes);

        var docMedia = Assert.IsType<Api.MessageMediaDocument>(Media(messages[2]));
        Assert.True(docMedia.Video);
        var doc = Assert.IsType<Api.Document>(docMedia.Document);
        Assert.Equal(10_000_000_000L, doc.Size);
        Assert.Equal(4, doc.DcId);
        Assert.Equal(12.5, Assert.IsType<Api.DocumentAttributeVideo>(doc.Attributes[0]).Duration);
        Assert.Equal("clip.mp4", Assert.IsType<Api.DocumentAttributeFilename>(doc.Attributes[1]).FileName);

        var voice = Assert.IsType<Api.DocumentAttributeAudio>(Assert.IsType<Api.Document>(Assert.IsType<Api.MessageMediaDocument>(Media(messages[3])).Document).Attributes[0]);
        Assert.True(voice.Voice);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, voice.Waveform);

        var geo = Assert.IsType<Api.GeoPoint>(Assert.IsType<Api.MessageMediaGeo>(Media(messages[4])).Geo);
        Assert.Equal(55.75, geo.Lat);
        Assert.Equal(37.62, geo.Long);
        Assert.Equal("+15550002222", Assert.IsType<Api.MessageMediaContact>(Media(messages[5])).PhoneNumber);

        var poll = Assert.IsType<Api.MessageMediaPoll>(Media(messages[6]));
        Assert.Equal("Best protocol?", Assert.IsType<Api.TextWithEntities>(Assert.IsType<Api.Poll>(poll.Poll).Question).Text);
        Assert.Equal(2, Assert.IsType<Api.Poll>(poll.Poll).Answers.Count);
        Assert.Equal(9, Assert.IsType<Api.PollResults>(poll.Results).TotalVoters);

        var web = Assert.IsType<Api.WebPage>(Assert.IsType<Api.MessageMediaWebPage>(Media(messages[7])).Webpage);
        Assert.Equal("Example Domain", web.Title);
        Assert.Equal(640, web.EmbedWidth);
        Assert.Equal("Cafe", Assert.IsType<Api.MessageMediaVenue>(Media(messages[8])).Title);
        Assert.Equal(6, Assert.IsType<Api.MessageMediaDice>(Media(messages[9])).Value);
        Assert.Equal(900, Assert.IsType<Api.MessageMediaGeoLive>(Media(messages[10])).Period);
        Assert.Equal(3, Assert.IsType<Api.MessageMediaGiveaway>(Media(messages[11])).Quantity);
        Assert.IsType<Api.MessageMediaUnsupported>(Media(messages[12]));

        Assert.Equal("New title", Assert.IsType<Api.MessageActionChatEditTitle>(Assert.IsType<Api.MessageService>(messages[13]).Action).Title);
        Assert.IsType<Api.MessageActionPinMessage>(Assert.IsType<Api.MessageService>(messages[14]).Action);
        Assert.Equal("Topic", Assert.IsType<Api.MessageActionTopicCreate>(Assert.IsType<Api.MessageService>(messages[15]).Action).Title);
        Assert.Equal(new List<long> { 1, 2 }, Assert.IsType<Api.MessageActionChatAddUser>(Assert.IsType<Api.MessageService>(messages[16]).Action).Users);
        Assert.Equal(1005, Assert.IsType<Api.MessageEmpty>(messages[17]).Id);

        var channel = Assert.IsType<Api.Channel>(page.Chats[0]);
        Assert.True(channel.Broadcast);
        Assert.Equal(-5_555_555_555_555_555_555, channel.AccessHash);
        Assert.Equal("testchan", channel.Username);
        Assert.True(Assert.IsType<Api.ChatAdminRights>(channel.AdminRights).PostMessages);
        Assert.Equal("alias", channel.Usernames![1].UsernameValue);
        var user = Assert.IsType<Api.User>(page.Users[0]);
        Assert.True(user.Self);
        Assert.True(user.BotCanEdit);
        Assert.Equal("Ada", user.FirstName);
        Assert.Equal(11, user.StoriesMaxId);
    }

    [SkippableFact]
    public void HistoryPage_InsideGzipPacked_ReadsTheSame()
    {
        var bytes = _oracle.Serialize(HistoryPage());
        var packed = GzipPacked.Pack(bytes).ToBytes();
        var page = new Api.Messages_GetHistoryRequest().ReadResult(new TlReader(packed));
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(page.ToBytes()));
    }

    [SkippableFact]
    public void FullChannel_ParsesAndRoundTrips()
    {
        var bytes = _oracle.Serialize(O("messages.chatFull",
            ("full_chat", O("channelFull",
                ("can_view_participants", true), ("can_delete_channel", true), ("paid_media_allowed", true),
                ("id", ChannelId), ("about", "An archive test channel"), ("participants_count", 12345), ("admins_count", 3),
                ("read_inbox_max_id", 1000), ("read_outbox_max_id", 999), ("unread_count", 0),
                ("chat_photo", O("photoEmpty", ("id", "0"))), ("notify_settings", O("peerNotifySettings", ("show_previews", false), ("mute_until", 0))),
                ("bot_info", new JsonArray()), ("migrated_from_chat_id", "777"), ("migrated_from_max_id", 55), ("pinned_msg_id", 1000),
                ("linked_chat_id", "1234567891"), ("pts", 7), ("available_reactions", O("chatReactionsNone")),
                ("requests_pending", 2), ("recent_requesters", new JsonArray("1", "2")), ("boosts_applied", 5))),
            ("chats", new JsonArray(ChannelSpec())), ("users", new JsonArray())));
        var full = Assert.IsType<Api.Messages_ChatFull>(new Api.Channels_GetFullChannelRequest().ReadResult(new TlReader(bytes)));
        Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(full.ToBytes()));
        var channelFull = Assert.IsType<Api.ChannelFull>(full.FullChat);
        Assert.Equal("An archive test channel", channelFull.About);
        Assert.Equal(12345, channelFull.ParticipantsCount);
        Assert.Null(channelFull.KickedCount);
        Assert.Equal(777L, channelFull.MigratedFromChatId);
        Assert.Equal(1_234_567_891L, channelFull.LinkedChatId);
        Assert.True(channelFull.CanDeleteChannel);
        Assert.False(Assert.IsType<Api.PeerNotifySettings>(channelFull.NotifySettings).ShowPreviews);
        Assert.Equal(new List<long> { 1, 2 }, channelFull.RecentRequesters);
    }

    [SkippableFact]
    public void ResolvedPeer_InviteAndTopics_ParseAndRoundTrip()
    {
        var resolved = _oracle.Serialize(O("contacts.resolvedPeer", ("peer", O("peerChannel", ("channel_id", ChannelId))),
            ("chats", new JsonArray(ChannelSpec())), ("users", new JsonArray())));
        var peer = Assert.IsType<Api.Contacts_ResolvedPeer>(new Api.Contacts_ResolveUsernameRequest().ReadResult(new TlReader(resolved)));
        Assert.Equal(Convert.ToHexString(resolved), Convert.ToHexString(peer.ToBytes()));
        Assert.Equal(1_234_567_890L, Assert.IsType<Api.PeerChannel>(peer.Peer).ChannelId);

        var invite = _oracle.Serialize(O("chatInvite", ("channel", true), ("broadcast", true), ("title", "Private channel"),
            ("about", "invite only"), ("photo", O("photoEmpty", ("id", "1"))), ("participants_count", 99), ("color", 5)));
        var parsedInvite = Assert.IsType<Api.ChatInvite>(new Api.Messages_CheckChatInviteRequest().ReadResult(new TlReader(invite)));
        Assert.Equal(Convert.ToHexString(invite), Convert.ToHexString(parsedInvite.ToBytes()));
        Assert.Equal("Private channel", parsedInvite.Title);
        Assert.True(parsedInvite.Broadcast);
        Assert.False(parsedInvite.Megagroup);

        var already = _oracle.Serialize(O("chatInviteAlready", ("chat", ChannelSpec())));
        Assert.IsType<Api.ChatInviteAlready>(new Api.Messages_CheckChatInviteRequest().ReadResult(new TlReader(already)));

        var topics = _oracle.Serialize(O("messages.forumTopics", ("count", 1),
            ("topics", new JsonArray(O("forumTopic", ("pinned", true), ("id", 1), ("date", 1_700_000_000), ("title", "General"), ("icon_color", 0x6FB9F0),
                ("top_message", 1000), ("read_inbox_max_id", 0), ("read_outbox_max_id", 0), ("unread_count", 0), ("unread_mentions_count", 0),
                ("unread_reactions_count", 0), ("from_id", O("peerUser", ("user_id", "1"))), ("notify_settings", O("peerNotifySettings"))))),
            ("messages", new JsonArray()), ("chats", new JsonArray()), ("users", new JsonArray()), ("pts", 9)));
        var forum = Assert.IsType<Api.Messages_ForumTopics>(new Api.Channels_GetForumTopicsRequest().ReadResult(new TlReader(topics)));
        Assert.Equal(Convert.ToHexString(topics), Convert.ToHexString(forum.ToBytes()));
        Assert.Equal("General", Assert.IsType<Api.ForumTopic>(forum.Topics[0]).Title);
    }

    [SkippableFact]
    public void VectorResults_ReadBoxed()
    {
        var users = _oracle.Serialize(UserSpec());
        var vector = new TlWriter();
        vector.WriteVectorHeader(2);
        vector.WriteRaw(users);
        vector.WriteRaw(users);
        var list = new Api.Users_GetUsersRequest().ReadResult(new TlReader(vector.ToArray()));
        Assert.Equal(2, list.Count);
        Assert.Equal(Convert.ToHexString(users), Convert.ToHexString(list[1].ToBytes()));
    }

    private static Api.MessageMediaBase Media(Api.MessageBase message) => Assert.IsType<Api.Message>(message).Media!;

    private static JsonObject O(string name, params (string Field, JsonNode? Value)[] fields)
    {
        var obj = new JsonObject { ["_"] = name };
        foreach (var (field, value) in fields)
        {
            obj[field] = value;
        }

        return obj;
    }

    private static JsonObject Bytes(params byte[] bytes) => new() { ["$bytes"] = Convert.ToHexString(bytes) };

    private static JsonObject Peer() => O("peerChannel", ("channel_id", ChannelId));

    private static JsonObject Msg(int id, JsonObject media) => O("message", ("post", true), ("id", id), ("peer_id", Peer()),
        ("date", 1_700_000_000 + id), ("message", ""), ("media", media));

    private static JsonObject Service(int id, JsonObject action) => O("messageService", ("post", true), ("id", id), ("peer_id", Peer()),
        ("date", 1_700_000_000 + id), ("action", action));

    private static JsonObject Text(string text) => O("textWithEntities", ("text", text), ("entities", new JsonArray()));

    private static JsonObject ChannelSpec() => O("channel", ("broadcast", true), ("signatures", true), ("id", ChannelId),
        ("access_hash", "-5555555555555555555"), ("title", "Test channel"), ("username", "testchan"),
        ("photo", O("chatPhoto", ("photo_id", "4242"), ("stripped_thumb", Bytes(1, 2, 3)), ("dc_id", 2))), ("date", 1_600_000_000),
        ("admin_rights", O("chatAdminRights", ("post_messages", true), ("edit_messages", true))), ("participants_count", 12345),
        ("usernames", new JsonArray(O("username", ("editable", true), ("active", true), ("username", "testchan")), O("username", ("active", true), ("username", "alias")))),
        ("level", 3));

    private static JsonObject UserSpec() => O("user", ("self", true), ("bot_can_edit", true), ("id", "100200300"), ("access_hash", "987654321"),
        ("first_name", "Ada"), ("last_name", "Lovelace"), ("username", "ada"), ("status", O("userStatusRecently")), ("lang_code", "en"), ("stories_max_id", 11));

    private static JsonObject HistoryPage()
    {
        var text = O("message", ("post", true), ("id", 1000), ("peer_id", Peer()), ("date", 1_700_000_000),
            ("message", "Hello, archive — привет 👋"),
            ("fwd_from", O("messageFwdHeader", ("from_name", "Original author"), ("date", 1_600_000_000), ("channel_post", 77))),
            ("reply_to", O("messageReplyHeader", ("reply_to_msg_id", 990), ("quote_text", "quoted"))),
            ("entities", new JsonArray(O("messageEntityBold", ("offset", 0), ("length", 5)), O("messageEntityTextUrl", ("offset", 7), ("length", 7), ("url", "https://example.org")))),
            ("views", 42), ("forwards", 3), ("replies", O("messageReplies", ("replies", 4), ("replies_pts", 100))), ("edit_date", 1_700_000_100),
            ("post_author", "Editor"), ("grouped_id", "-1"),
            ("reactions", O("messageReactions", ("results", new JsonArray(O("reactionCount", ("reaction", O("reactionEmoji", ("emoticon", "👍"))), ("count", 15)))))));
        var photo = O("messageMediaPhoto", ("photo", O("photo", ("id", "555"), ("access_hash", "666"), ("file_reference", Bytes(0xAA, 0xBB)), ("date", 1_700_000_000),
            ("sizes", new JsonArray(O("photoStrippedSize", ("type", "i"), ("bytes", Bytes(1, 2, 3))), O("photoSizeProgressive", ("type", "y"), ("w", 1280), ("h", 720), ("sizes", new JsonArray(1000, 5000, 12000))))),
            ("dc_id", 2))));
        var video = O("messageMediaDocument", ("video", true), ("document", O("document", ("id", "111"), ("access_hash", "222"), ("file_reference", Bytes(1, 2, 3)),
            ("date", 1_700_000_000), ("mime_type", "video/mp4"), ("size", "10000000000"),
            ("thumbs", new JsonArray(O("photoSize", ("type", "m"), ("w", 320), ("h", 180), ("size", 9000)))), ("dc_id", 4),
            ("attributes", new JsonArray(O("documentAttributeVideo", ("supports_streaming", true), ("duration", 12.5), ("w", 1920), ("h", 1080), ("video_codec", "h264")), O("documentAttributeFilename", ("file_name", "clip.mp4")))))),
            ("ttl_seconds", 60));
        var voice = O("messageMediaDocument", ("voice", true), ("document", O("document", ("id", "112"), ("access_hash", "223"), ("file_reference", Bytes()),
            ("date", 1_700_000_000), ("mime_type", "audio/ogg"), ("size", "4096"), ("dc_id", 2),
            ("attributes", new JsonArray(O("documentAttributeAudio", ("voice", true), ("duration", 3), ("waveform", Bytes(1, 2, 3, 4, 5))))))));
        var geo = O("messageMediaGeo", ("geo", O("geoPoint", ("long", 37.62), ("lat", 55.75), ("access_hash", "1"), ("accuracy_radius", 10))));
        var contact = O("messageMediaContact", ("phone_number", "+15550002222"), ("first_name", "Grace"), ("last_name", "Hopper"), ("vcard", ""), ("user_id", "0"));
        var poll = O("messageMediaPoll",
            ("poll", O("poll", ("id", "31"), ("quiz", true), ("question", Text("Best protocol?")),
                ("answers", new JsonArray(O("pollAnswer", ("text", Text("MTProto")), ("option", Bytes(0))), O("pollAnswer", ("text", Text("Other")), ("option", Bytes(1))))), ("close_date", 1_800_000_000))),
            ("results", O("pollResults", ("results", new JsonArray(O("pollAnswerVoters", ("correct", true), ("option", Bytes(0)), ("voters", 7)))), ("total_voters", 9),
                ("solution", "because"), ("solution_entities", new JsonArray()))));
        var web = O("messageMediaWebPage", ("webpage", O("webPage", ("id", "77"), ("url", "https://example.org"), ("display_url", "example.org"), ("hash", 0),
            ("type", "article"), ("site_name", "Example"), ("title", "Example Domain"), ("embed_url", "https://example.org/e"), ("embed_type", "iframe"),
            ("embed_width", 640), ("embed_height", 480))));
        var venue = O("messageMediaVenue", ("geo", O("geoPointEmpty")), ("title", "Cafe"), ("address", "Main St 1"), ("provider", "foursquare"), ("venue_id", "v1"), ("venue_type", "food"));
        var dice = O("messageMediaDice", ("value", 6), ("emoticon", "🎲"));
        var live = O("messageMediaGeoLive", ("geo", O("geoPoint", ("long", 1.5), ("lat", 2.5), ("access_hash", "3"))), ("heading", 90), ("period", 900));
        var giveaway = O("messageMediaGiveaway", ("channels", new JsonArray(ChannelId)), ("countries_iso2", new JsonArray("DE", "FR")), ("quantity", 3), ("months", 6), ("until_date", 1_800_000_000));
        return O("messages.channelMessages", ("inexact", true), ("pts", 7), ("count", 20_000), ("offset_id_offset", 50),
            ("messages", new JsonArray(
                text, Msg(1001, photo), Msg(1002, video), Msg(1003, voice), Msg(1004, geo), Msg(1006, contact), Msg(1007, poll), Msg(1008, web),
                Msg(1009, venue), Msg(1010, dice), Msg(1011, live), Msg(1012, giveaway), Msg(1013, O("messageMediaUnsupported")),
                Service(1014, O("messageActionChatEditTitle", ("title", "New title"))), Service(1015, O("messageActionPinMessage")),
                Service(1016, O("messageActionTopicCreate", ("title", "Topic"), ("icon_color", 0x6FB9F0), ("icon_emoji_id", "5"))),
                Service(1017, O("messageActionChatAddUser", ("users", new JsonArray("1", "2")))),
                O("messageEmpty", ("id", 1005)))),
            ("topics", new JsonArray()), ("chats", new JsonArray(ChannelSpec())), ("users", new JsonArray(UserSpec())));
    }
}
