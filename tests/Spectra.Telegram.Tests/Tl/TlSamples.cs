using Api = Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Tests.Tl;

/// <summary>Valid serialized objects built with our own classes, used as seeds for mutation and as fixtures.</summary>
internal static class TlSamples
{
    public static Api.Messages_ChannelMessages HistoryPage() => new()
    {
        Inexact = true,
        Pts = 7,
        Count = 2,
        Messages =
        {
            new Api.Message
            {
                Post = true, Id = 1000, PeerId = new Api.PeerChannel { ChannelId = 1234567890 }, Date = 1_700_000_000, MessageValue = "hello archive ✓",
                Views = 42, Forwards = 3,
                Entities = new() { new Api.MessageEntityBold { Offset = 0, Length = 5 }, new Api.MessageEntityTextUrl { Offset = 6, Length = 7, Url = "https://example.org" } },
                Media = new Api.MessageMediaDocument
                {
                    Video = true,
                    Document = new Api.Document
                    {
                        Id = 111, AccessHash = 222, FileReference = new byte[] { 1, 2, 3 }, Date = 1_700_000_000, MimeType = "video/mp4", Size = 10_000_000, DcId = 4,
                        Attributes = { new Api.DocumentAttributeVideo { Duration = 12.5, W = 1280, H = 720 }, new Api.DocumentAttributeFilename { FileName = "a.mp4" } },
                    },
                },
                ReplyTo = new Api.MessageReplyHeader { ReplyToMsgId = 999 },
            },
            new Api.MessageService
            {
                Id = 1001, PeerId = new Api.PeerChannel { ChannelId = 1234567890 }, Date = 1_700_000_001,
                Action = new Api.MessageActionChatEditTitle { Title = "New title" },
            },
        },
        Chats =
        {
            new Api.Channel
            {
                Broadcast = true, Id = 1234567890, AccessHash = -5555555555555555555, Title = "Test channel", Username = "testchan",
                Photo = new Api.ChatPhotoEmpty(), Date = 1_600_000_000,
            },
        },
        Users = { new Api.User { Self = true, Id = 5, FirstName = "Ada", Usernames = new() { new Api.Username { Active = true, UsernameValue = "ada" } } } },
    };

    /// <summary>A few serialized objects of different shapes (flags, flags2, vectors, nested media, long strings).</summary>
    public static List<byte[]> Corpus()
    {
        var page = HistoryPage();
        return new List<byte[]>
        {
            page.ToBytes(),
            new Api.Messages_ChatFull
            {
                FullChat = new Api.ChannelFull
                {
                    Id = 1, About = new string('x', 300), ReadInboxMaxId = 1, ReadOutboxMaxId = 1, ChatPhoto = new Api.PhotoEmpty { Id = 0 },
                    NotifySettings = new Api.PeerNotifySettings { ShowPreviews = true }, Pts = 3, RecentRequesters = new() { 1, 2, 3 },
                },
                Chats = { page.Chats[0] },
            }.ToBytes(),
            new Api.Auth_CheckPasswordRequest { Password = new Api.InputCheckPasswordSRP { SrpId = 1, A = new byte[256], M1 = new byte[32] } }.ToBytes(),
            new Api.InvokeWithLayerRequest<Api.Config>
            {
                Layer = Api.ApiSchema.Layer,
                Query = new Api.InitConnectionRequest<Api.Config>
                {
                    ApiId = 1, DeviceModel = "d", SystemVersion = "s", AppVersion = "a", SystemLangCode = "en", LangPack = "", LangCode = "en",
                    Query = new Api.Help_GetConfigRequest(),
                },
            }.ToBytes(),
        };
    }
}
