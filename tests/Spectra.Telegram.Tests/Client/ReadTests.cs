using Spectra.Telegram.Client;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Simulator.Fixtures;
using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Tests.Client;

/// <summary>Resolve, channel info, history paging and messages by id against the simulated cluster.</summary>
public sealed class ReadTests
{
    [Fact]
    public async Task Resolves_usernames_links_and_invites_and_reads_full_channel()
    {
        await using var cluster = ClientTestKit.Start(ClientTestKit.Fixture(20));
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        foreach (var link in new[] { "archive", "@archive", "https://t.me/archive", "t.me/archive/15", "https://t.me/+AbCdEf123", "t.me/joinchat/AbCdEf123" })
        {
            var channel = await client.ResolveChannelAsync(link, default);
            Assert.Equal((777L, (long?)4242), (channel.Id, channel.AccessHash));
        }

        var missing = await Assert.ThrowsAsync<RpcException>(() => client.ResolveChannelAsync("@nobodyhere", default));
        Assert.Equal("USERNAME_NOT_OCCUPIED", missing.ErrorMessage);
        await Assert.ThrowsAsync<FormatException>(() => client.ResolveChannelAsync("https://example.com/x", default));

        var full = await client.GetFullChannelAsync(await client.ResolveChannelAsync("archive", default), default);
        var info = Assert.IsType<ChannelFull>(full.FullChat);
        Assert.Equal(("fixture channel", 20), (info.About, info.ReadInboxMaxId));
    }

    [Fact]
    public async Task Full_history_equals_the_fixture_exactly()
    {
        var fixture = ClientTestKit.Fixture(250);
        await using var cluster = ClientTestKit.Start(fixture);
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        var channel = await client.ResolveChannelAsync("archive", default);
        var got = new List<MessageBase>();
        await foreach (var message in client.GetHistoryAsync(channel, pageSize: 100))
        {
            got.Add(message);
        }

        var expected = fixture.Channels[0].Messages.OrderByDescending(m => m.Id).ToList();
        Assert.Equal(expected.Select(m => m.Id), got.Select(TelegramClient.IdOf));
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSame(expected[i], got[i]);
        }

        Assert.Equal(3, cluster.Api.CallCounts["messages.getHistory"]);

        // Incremental: only messages newer than min_id.
        var newer = new List<int>();
        await foreach (var message in client.GetHistoryAsync(channel, minId: 240, pageSize: 4))
        {
            newer.Add(TelegramClient.IdOf(message));
        }

        Assert.Equal(Enumerable.Range(241, 10).Reverse(), newer);
    }

    [Fact]
    public async Task History_pages_follow_offset_and_bound_semantics()
    {
        await using var cluster = ClientTestKit.Start(ClientTestKit.Fixture(30));
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        var channel = await client.ResolveChannelAsync("archive", default);
        async Task<int[]> Page(int offsetId, int addOffset, int limit, int maxId = 0, int minId = 0) =>
            (await client.GetHistoryPageAsync(channel, offsetId, addOffset, limit, maxId, minId, default)).Select(TelegramClient.IdOf).ToArray();

        Assert.Equal(new[] { 30, 29, 28 }, await Page(0, 0, 3));
        Assert.Equal(new[] { 9, 8, 7, 4 }, await Page(10, 0, 4));               // older than offset_id, 5 and 6 deleted
        Assert.Equal(new[] { 13, 12, 11, 10 }, await Page(10, -4, 4));          // negative add_offset: newer, including offset_id
        Assert.Equal(new[] { 20, 19 }, await Page(0, 0, 2, maxId: 21));
        Assert.Equal(new[] { 3, 2 }, await Page(4, 0, 10, minId: 1));
        Assert.Empty(await Page(1, 0, 10));
        var tooMany = await Assert.ThrowsAsync<RpcException>(() => Page(0, 0, 101));
        Assert.Equal("LIMIT_INVALID", tooMany.ErrorMessage);
    }

    [Fact]
    public async Task Messages_by_id_are_matched_by_id_with_missing_as_empty()
    {
        await using var cluster = ClientTestKit.Start(ClientTestKit.Fixture(30));
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        var channel = await client.ResolveChannelAsync("archive", default);
        var byId = await client.GetMessagesAsync(channel, [20, 5, 3, 999], default);
        Assert.Equal([3, 5, 20, 999], byId.Keys.Order());
        Assert.Equal("message 20", Assert.IsType<Message>(byId[20]).MessageValue);
        Assert.Equal("message 3", Assert.IsType<Message>(byId[3]).MessageValue);
        Assert.IsType<MessageEmpty>(byId[5]);
        Assert.IsType<MessageEmpty>(byId[999]);
    }

    [Fact]
    public async Task Forum_topics_are_listed()
    {
        await using var cluster = ClientTestKit.Start(ClientTestKit.Fixture(5));
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        var forum = await client.ResolveChannelAsync("forumgroup", default);
        Assert.True(forum.Forum);
        var topics = await client.GetForumTopicsAsync(forum, 0, 100, default);
        Assert.Equal(["Releases", "General talk"], topics.Topics.Cast<ForumTopic>().Select(t => t.Title));
        var notForum = await Assert.ThrowsAsync<RpcException>(() => client.GetForumTopicsAsync(new Channel { Id = 777, AccessHash = 4242, Photo = new ChatPhotoEmpty() }, 0, 10, default));
        Assert.Equal("CHANNEL_FORUM_MISSING", notForum.ErrorMessage);
    }

    [Fact]
    public void Fixtures_load_from_json()
    {
        var fixture = SimFixture.FromJson("""
            { "dcIds": [1, 3], "accounts": [{ "phone": "+1", "homeDc": 3, "password": "p" }],
              "channels": [{ "id": 5, "username": "news", "messages": [{ "id": 1, "text": "hi", "bold": [[0, 2]] },
                { "id": 2, "file": { "id": 8, "dcId": 1, "size": 5000 } }] }],
              "faults": { "floodWaitEvery": 2, "latencyMs": 50 } }
            """);
        Assert.Equal([1, 3], fixture.DcIds);
        Assert.Equal(("p", 3), (fixture.Accounts[0].Password, fixture.Accounts[0].HomeDc));
        Assert.Equal(5000, fixture.Channels[0].Messages[1].File!.Content.Length);
        Assert.Equal((2, 50), (fixture.Faults.FloodWaitEvery, fixture.Faults.LatencyMs));
    }

    private static void AssertSame(SimMessage expected, MessageBase actual)
    {
        if (expected.ServiceTitle is not null)
        {
            var service = Assert.IsType<MessageService>(actual);
            Assert.Equal(expected.ServiceTitle, Assert.IsType<MessageActionChannelCreate>(service.Action).Title);
            return;
        }

        var message = Assert.IsType<Message>(actual);
        Assert.Equal((expected.Id, expected.Date, expected.Text, expected.EditDate), (message.Id, message.Date, message.MessageValue, message.EditDate));
        Assert.Equal(expected.Bold.Count, message.Entities?.Count ?? 0);
        Assert.Equal(expected.ReplyTo, (message.ReplyTo as MessageReplyHeader)?.ReplyToMsgId);
        Assert.Equal(expected.ForwardedFrom, message.FwdFrom?.FromName);
        Assert.Equal(expected.File?.Size, ((message.Media as MessageMediaDocument)?.Document as Document)?.Size);
    }
}
