using Spectra.Telegram.Simulator.Fixtures;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Simulator.Api;

/// <summary>The read side: resolve, invites, channel info, history paging, messages by id, forum topics, file parts.</summary>
public sealed partial class SimulatedApi
{
    private const int MiB = 1 << 20;

    private ApiOutcome ServeContent(int dcId, TlMethod method)
    {
        switch (method)
        {
            case Contacts_ResolveUsernameRequest resolve:
                {
                    var channel = _fixture.Channels.Find(c => string.Equals(c.Username, resolve.Username, StringComparison.OrdinalIgnoreCase));
                    return channel is null
                        ? ApiOutcome.Error(400, "USERNAME_NOT_OCCUPIED")
                        : ApiOutcome.Ok(new Contacts_ResolvedPeer { Peer = new PeerChannel { ChannelId = channel.Id }, Chats = [ChannelOf(channel)] });
                }

            case Messages_CheckChatInviteRequest invite:
                {
                    var channel = _fixture.Channels.Find(c => c.InviteHash == invite.Hash);
                    return channel is null ? ApiOutcome.Error(400, "INVITE_HASH_INVALID") : ApiOutcome.Ok(new ChatInviteAlready { Chat = ChannelOf(channel) });
                }

            case Channels_GetChannelsRequest get:
                {
                    var result = new Messages_Chats();
                    foreach (var input in get.Id)
                    {
                        if (Find(input) is { } channel)
                        {
                            result.Chats.Add(ChannelOf(channel));
                        }
                    }

                    return ApiOutcome.Ok(result);
                }

            case Channels_GetFullChannelRequest full:
                {
                    if (Find(full.Channel) is not { } channel)
                    {
                        return ApiOutcome.Error(400, "CHANNEL_INVALID");
                    }

                    var info = new ChannelFull
                    {
                        Id = channel.Id,
                        About = channel.About,
                        ParticipantsCount = 42,
                        ReadInboxMaxId = channel.Messages.Count == 0 ? 0 : channel.Messages.Max(m => m.Id),
                        ChatPhoto = new PhotoEmpty { Id = 0 },
                        NotifySettings = new PeerNotifySettings(),
                        Pts = channel.Messages.Count,
                    };
                    return ApiOutcome.Ok(new Messages_ChatFull { FullChat = info, Chats = [ChannelOf(channel)] });
                }

            case Messages_GetHistoryRequest history:
                return GetHistory(history);
            case Channels_GetMessagesRequest get:
                {
                    if (Find(get.Channel) is not { } channel)
                    {
                        return ApiOutcome.Error(400, "CHANNEL_INVALID");
                    }

                    var result = new Messages_ChannelMessages { Count = get.Id.Count, Chats = [ChannelOf(channel)] };
                    foreach (var input in get.Id)
                    {
                        var id = input is InputMessageID byId ? byId.Id : 0;
                        var message = channel.Messages.Find(m => m.Id == id);
                        result.Messages.Add(message is null ? new MessageEmpty { Id = id } : MessageOf(channel, message, fresh: true));
                    }

                    return ApiOutcome.Ok(result);
                }

            case Channels_GetForumTopicsRequest topics:
                {
                    if (Find(topics.Channel) is not { Forum: true } channel)
                    {
                        return ApiOutcome.Error(400, "CHANNEL_FORUM_MISSING");
                    }

                    var result = new Messages_ForumTopics { Count = channel.Topics.Count, Chats = [ChannelOf(channel)] };
                    foreach (var topic in channel.Topics.Where(t => topics.OffsetTopic == 0 || t.Id < topics.OffsetTopic).OrderByDescending(t => t.Id).Take(Math.Max(1, topics.Limit)))
                    {
                        result.Topics.Add(new ForumTopic { Id = topic.Id, Title = topic.Title, TopMessage = topic.TopMessage, FromId = new PeerChannel { ChannelId = channel.Id }, NotifySettings = new PeerNotifySettings() });
                    }

                    return ApiOutcome.Ok(result);
                }

            case Upload_GetFileRequest file:
                return GetFile(dcId, file);
            default:
                return ApiOutcome.Error(400, "SIMULATOR_NOT_IMPLEMENTED_" + (ApiSchema.NameOf(method.ConstructorId) ?? "UNKNOWN").ToUpperInvariant().Replace('.', '_'));
        }
    }

    /// <summary>
    /// Telegram's paging: messages newest first; the window starts at the first message older than offset_id
    /// (or the newest when 0), moved by add_offset (negative = towards newer), limit long; min_id/max_id are
    /// exclusive bounds applied first.
    /// </summary>
    private ApiOutcome GetHistory(Messages_GetHistoryRequest request)
    {
        if (request.Peer is not InputPeerChannel peer || _fixture.Channels.Find(c => c.Id == peer.ChannelId) is not { } channel || channel.AccessHash != peer.AccessHash)
        {
            return ApiOutcome.Error(400, "CHANNEL_INVALID");
        }

        if (request.Limit is < 0 or > 100)
        {
            return ApiOutcome.Error(400, "LIMIT_INVALID");
        }

        var ordered = channel.Messages
            .Where(m => (request.MaxId == 0 || m.Id < request.MaxId) && (request.MinId == 0 || m.Id > request.MinId))
            .OrderByDescending(m => m.Id)
            .ToList();
        var anchor = request.OffsetId == 0 ? 0 : ordered.FindIndex(m => m.Id < request.OffsetId);
        if (anchor < 0)
        {
            anchor = ordered.Count;
        }

        var start = anchor + request.AddOffset;
        var end = Math.Min(ordered.Count, start + request.Limit);
        start = Math.Max(0, start);
        var page = start < end ? ordered.GetRange(start, end - start) : [];
        var result = new Messages_ChannelMessages { Count = channel.Messages.Count, OffsetIdOffset = start, Chats = [ChannelOf(channel)] };
        result.Messages.AddRange(page.Select(m => MessageOf(channel, m, fresh: !_fixture.Faults.ExpireHistoryFileReferences)));
        return ApiOutcome.Ok(result);
    }

    /// <summary>upload.getFile with the documented limits (non-precise: 4 KiB aligned, divides 1 MiB, one 1 MiB block).</summary>
    private ApiOutcome GetFile(int dcId, Upload_GetFileRequest request)
    {
        // Documents are addressed by inputDocumentFileLocation, photos by inputPhotoFileLocation naming one of their sizes.
        var (id, accessHash, fileReference, photoSize) = request.Location switch
        {
            InputDocumentFileLocation d => (d.Id, d.AccessHash, d.FileReference, (string?)null),
            InputPhotoFileLocation p => (p.Id, p.AccessHash, p.FileReference, p.ThumbSize),
            _ => (0L, 0L, Array.Empty<byte>(), null),
        };
        var owner = _fixture.Channels.SelectMany(c => c.Messages).Select(m => m.File).FirstOrDefault(f => f is not null && f.Id == id);
        if (id == 0 || (owner is not null && owner.PhotoSizeType != photoSize))
        {
            return ApiOutcome.Error(400, "LOCATION_INVALID");
        }

        if (owner is null || owner.AccessHash != accessHash)
        {
            return ApiOutcome.Error(400, "FILE_ID_INVALID");
        }

        if (owner.DcId != dcId)
        {
            return ApiOutcome.Error(303, "FILE_MIGRATE_" + owner.DcId);
        }

        if (!fileReference.AsSpan().SequenceEqual(Reference(owner, fresh: true)))
        {
            return ApiOutcome.Error(400, "FILE_REFERENCE_EXPIRED");
        }

        var limitOk = request.Precise
            ? request.Limit > 0 && request.Limit % 1024 == 0 && request.Limit <= MiB
            : request.Limit > 0 && request.Limit % 4096 == 0 && MiB % request.Limit == 0;
        if (!limitOk)
        {
            return ApiOutcome.Error(400, "LIMIT_INVALID");
        }

        var offsetOk = request.Precise
            ? request.Offset >= 0 && request.Offset % 1024 == 0
            : request.Offset >= 0 && request.Offset % 4096 == 0 && request.Offset / MiB == (request.Offset + request.Limit - 1) / MiB;
        if (!offsetOk)
        {
            return ApiOutcome.Error(400, "OFFSET_INVALID");
        }

        var content = owner.Content;
        var from = (int)Math.Min(request.Offset, content.Length);
        var count = Math.Min(request.Limit, content.Length - from);
        return ApiOutcome.Ok(new Upload_File { Type = new Storage_FilePartial(), Mtime = 1_700_000_000, Bytes = content.AsSpan(from, count).ToArray() });
    }

    private SimChannel? Find(InputChannelBase input) =>
        input is InputChannel c ? _fixture.Channels.Find(x => x.Id == c.ChannelId && x.AccessHash == c.AccessHash) : null;

    private static byte[] Reference(SimFile file, bool fresh)
    {
        var reference = new byte[9];
        reference[0] = fresh ? (byte)1 : (byte)0;
        BitConverter.TryWriteBytes(reference.AsSpan(1), file.Id);
        return reference;
    }

    private static Channel ChannelOf(SimChannel channel) => new()
    {
        Id = channel.Id,
        AccessHash = channel.AccessHash,
        Title = channel.Title,
        Username = channel.Username,
        Broadcast = !channel.Forum,
        Megagroup = channel.Forum,
        Forum = channel.Forum,
        Photo = new ChatPhotoEmpty(),
        Date = 1_600_000_000,
    };

    private static MessageBase MessageOf(SimChannel channel, SimMessage m, bool fresh)
    {
        var peer = new PeerChannel { ChannelId = channel.Id };
        MessageReplyHeader? reply = m.ReplyTo is { } replyTo || m.TopicId is not null
            ? new MessageReplyHeader { ReplyToMsgId = m.ReplyTo ?? m.TopicId, ReplyToTopId = m.TopicId, ForumTopic = m.TopicId is not null }
            : null;
        if (m.ServiceTitle is { } title)
        {
            MessageActionBase action = channel.Forum && m.Id != channel.Messages[0].Id
                ? new MessageActionTopicCreate { Title = title }
                : new MessageActionChannelCreate { Title = title };
            return new MessageService { Id = m.Id, PeerId = peer, Date = m.Date, Action = action, Post = !channel.Forum };
        }

        var message = new Message { Id = m.Id, PeerId = peer, Date = m.Date, MessageValue = m.Text, Post = !channel.Forum, EditDate = m.EditDate, ReplyTo = reply };
        if (m.Bold.Count > 0)
        {
            message.Entities = m.Bold.Select(b => (MessageEntityBase)new MessageEntityBold { Offset = b[0], Length = b[1] }).ToList();
        }

        if (m.ForwardedFrom is { } from)
        {
            message.FwdFrom = new MessageFwdHeader { FromName = from, Date = m.Date - 60 };
        }

        if (m.File is { PhotoSizeType: { } sizeType } photo)
        {
            message.Media = new MessageMediaPhoto
            {
                Photo = new Photo
                {
                    Id = photo.Id,
                    AccessHash = photo.AccessHash,
                    FileReference = Reference(photo, fresh),
                    Date = m.Date,
                    Sizes = [new PhotoSize { Type = sizeType, W = 1280, H = 960, Size = photo.Size }],
                    DcId = photo.DcId,
                },
            };
        }
        else if (m.File is { } file)
        {
            message.Media = new MessageMediaDocument
            {
                Document = new Document
                {
                    Id = file.Id,
                    AccessHash = file.AccessHash,
                    FileReference = Reference(file, fresh),
                    Date = m.Date,
                    MimeType = file.MimeType,
                    Size = file.Size,
                    DcId = file.DcId,
                    Attributes = [new DocumentAttributeFilename { FileName = file.FileName }],
                },
            };
        }

        return message;
    }
}
