using System.Runtime.CompilerServices;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Client;

/// <summary>What an archiver reads: resolve links, channel info, history pages and full history, messages by id, topics.</summary>
public sealed partial class TelegramClient
{
    /// <summary>Resolves @name, t.me/name or an invite link the account has joined to its channel.</summary>
    public async Task<Channel> ResolveChannelAsync(string linkOrUsername, CancellationToken cancellationToken)
    {
        var link = TelegramLink.Parse(linkOrUsername);
        if (link.InviteHash is { } hash)
        {
            var invite = await InvokeAsync(new Messages_CheckChatInviteRequest { Hash = hash }, cancellationToken).ConfigureAwait(false);
            return invite switch
            {
                ChatInviteAlready { Chat: Channel channel } => channel,
                ChatInvitePeek { Chat: Channel channel } => channel,
                ChatInvite => throw new TelegramException("The invite link is valid but the account has not joined the chat; join it first."),
                _ => throw new TelegramException("The invite link does not lead to a channel."),
            };
        }

        var resolved = await InvokeAsync(new Contacts_ResolveUsernameRequest { Username = link.Username! }, cancellationToken).ConfigureAwait(false);
        if (resolved.Peer is PeerChannel peer && resolved.Chats.OfType<Channel>().FirstOrDefault(c => c.Id == peer.ChannelId) is { } found)
        {
            return found;
        }

        throw new TelegramException("@" + link.Username + " is not a channel or group.");
    }

    public Task<Messages_ChatFull> GetFullChannelAsync(Channel channel, CancellationToken cancellationToken) =>
        InvokeAsync(new Channels_GetFullChannelRequest { Channel = InputChannelOf(channel) }, cancellationToken);

    /// <summary>One messages.getHistory page with Telegram's offset semantics (negative addOffset pages towards newer messages).</summary>
    public async Task<IReadOnlyList<MessageBase>> GetHistoryPageAsync(Channel channel, int offsetId, int addOffset, int limit, int maxId, int minId, CancellationToken cancellationToken)
    {
        var answer = await InvokeAsync(new Messages_GetHistoryRequest { Peer = InputPeerOf(channel), OffsetId = offsetId, AddOffset = addOffset, Limit = limit, MaxId = maxId, MinId = minId }, cancellationToken).ConfigureAwait(false);
        return MessagesOf(answer);
    }

    /// <summary>Every message newer than <paramref name="minId"/>, newest first, page by page.</summary>
    public async IAsyncEnumerable<MessageBase> GetHistoryAsync(Channel channel, int minId = 0, int pageSize = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var offsetId = 0;
        while (true)
        {
            var page = await GetHistoryPageAsync(channel, offsetId, 0, pageSize, 0, minId, cancellationToken).ConfigureAwait(false);
            foreach (var message in page)
            {
                yield return message;
            }

            var lowest = page.Count == 0 ? 0 : page.Min(IdOf);
            if (page.Count == 0 || lowest <= minId + 1)
            {
                yield break;
            }

            offsetId = lowest;
        }
    }

    /// <summary>channels.getMessages; the answer is keyed by message id (missing ids come back as messageEmpty).</summary>
    public async Task<IReadOnlyDictionary<int, MessageBase>> GetMessagesAsync(Channel channel, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var request = new Channels_GetMessagesRequest { Channel = InputChannelOf(channel) };
        request.Id.AddRange(ids.Select(id => (InputMessageBase)new InputMessageID { Id = id }));
        var answer = await InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        var byId = new Dictionary<int, MessageBase>();
        foreach (var message in MessagesOf(answer))
        {
            byId[IdOf(message)] = message;
        }

        return byId;
    }

    public Task<Messages_ForumTopics> GetForumTopicsAsync(Channel channel, int offsetTopic, int limit, CancellationToken cancellationToken) =>
        InvokeAsync(new Channels_GetForumTopicsRequest { Channel = InputChannelOf(channel), OffsetTopic = offsetTopic, Limit = limit }, cancellationToken);

    public static int IdOf(MessageBase message) => message switch
    {
        Message m => m.Id,
        MessageService s => s.Id,
        MessageEmpty e => e.Id,
        _ => throw new TelegramException("Unexpected message constructor " + message.GetType().Name + "."),
    };

    private static IReadOnlyList<MessageBase> MessagesOf(Messages_MessagesBase answer) => answer switch
    {
        Messages_ChannelMessages c => c.Messages,
        Messages_MessagesSlice s => s.Messages,
        Messages_Messages m => m.Messages,
        _ => [],
    };

    private static InputChannel InputChannelOf(Channel channel) => new() { ChannelId = channel.Id, AccessHash = channel.AccessHash ?? 0 };

    private static InputPeerChannel InputPeerOf(Channel channel) => new() { ChannelId = channel.Id, AccessHash = channel.AccessHash ?? 0 };
}
