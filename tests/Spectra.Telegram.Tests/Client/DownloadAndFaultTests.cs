using System.Security.Cryptography;
using Spectra.Telegram.Client;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Tests.Client;

/// <summary>Downloads across DCs and every injected fault: recovered, or surfaced as its typed error.</summary>
public sealed class DownloadAndFaultTests
{
    [Fact]
    public async Task File_on_another_dc_downloads_byte_identical_through_file_migrate()
    {
        var fixture = ClientTestKit.Fixture(100);
        await using var cluster = ClientTestKit.Start(fixture);
        await using var client = await ClientTestKit.LoggedInAsync(cluster, ClientTestKit.Options(cluster) with { DownloadPartSize = 64 * 1024, ParallelDownloadParts = 4 });
        var channel = await client.ResolveChannelAsync("archive", default);
        var document = await DocumentOf(client, channel, 100);
        Assert.Equal(2, document.DcId);
        Assert.NotEqual(2, client.HomeDcId);

        using var output = new MemoryStream();
        await client.DownloadDocumentAsync(document, output, null, default);
        var expected = fixture.Channels[0].Messages.Single(m => m.Id == 100).File!.Content;
        Assert.Equal(SHA256.HashData(expected), SHA256.HashData(output.ToArray()));
        Assert.Equal(1, cluster.Api.CallCounts["auth.exportAuthorization"]);
        Assert.Equal(1, cluster.Api.CallCounts["auth.importAuthorization"]);
        Assert.Equal(((int)document.Size + 65535) / 65536 + 1, cluster.Api.CallCounts["upload.getFile"]); // + the FILE_MIGRATE answer

        // A second file on the same DC reuses the imported authorization.
        using var second = new MemoryStream();
        await client.DownloadDocumentAsync(await DocumentOf(client, channel, 50), second, null, default);
        Assert.Equal(fixture.Channels[0].Messages.Single(m => m.Id == 50).File!.Content, second.ToArray());
        Assert.Equal(1, cluster.Api.CallCounts["auth.importAuthorization"]);
    }

    [Fact]
    public async Task Expired_file_reference_is_refreshed_through_the_callback_or_surfaces_typed()
    {
        var fixture = ClientTestKit.Fixture(50);
        fixture.Faults.ExpireHistoryFileReferences = true;
        await using var cluster = ClientTestKit.Start(fixture);
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        var channel = await client.ResolveChannelAsync("archive", default);
        Document? stale = null;
        await foreach (var message in client.GetHistoryAsync(channel))
        {
            stale ??= ((message as Message)?.Media as MessageMediaDocument)?.Document as Document;
        }

        Assert.NotNull(stale);
        using var failed = new MemoryStream();
        await Assert.ThrowsAsync<FileReferenceExpiredException>(() => client.DownloadDocumentAsync(stale, failed, null, default));

        var refreshes = 0;
        using var output = new MemoryStream();
        await client.DownloadDocumentAsync(stale, output, async ct =>
        {
            Interlocked.Increment(ref refreshes);
            var fresh = await DocumentOf(client, channel, 50);
            return new InputDocumentFileLocation { Id = fresh.Id, AccessHash = fresh.AccessHash, FileReference = fresh.FileReference };
        }, default);
        Assert.Equal(1, refreshes);
        Assert.Equal(fixture.Channels[0].Messages.Single(m => m.Id == 50).File!.Content, output.ToArray());
    }

    [Fact]
    public async Task Short_flood_wait_is_slept_through_and_long_one_surfaces_with_seconds()
    {
        var fixture = ClientTestKit.Fixture(120);
        fixture.Faults.FloodWaitEvery = 2;
        fixture.Faults.FloodWaitSeconds = 1;
        await using var cluster = ClientTestKit.Start(fixture);
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        var channel = await client.ResolveChannelAsync("archive", default);
        var ids = new List<int>();
        await foreach (var message in client.GetHistoryAsync(channel, pageSize: 50))
        {
            ids.Add(TelegramClient.IdOf(message));
        }

        Assert.Equal(fixture.Channels[0].Messages.Select(m => m.Id).OrderDescending(), ids);

        fixture.Faults.FloodWaitSeconds = 300;
        var flood = await Assert.ThrowsAsync<FloodWaitException>(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await client.GetHistoryPageAsync(channel, 0, 0, 10, 0, 0, default);
            }
        });
        Assert.Equal(300, flood.Seconds);
    }

    [Fact]
    public async Task Dropped_connections_are_reopened_and_history_stays_complete()
    {
        var fixture = ClientTestKit.Fixture(120);
        await using var cluster = ClientTestKit.Start(fixture);
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        var channel = await client.ResolveChannelAsync("archive", default);
        fixture.Faults.DisconnectEvery = 3;
        var ids = new List<int>();
        await foreach (var message in client.GetHistoryAsync(channel, pageSize: 20))
        {
            ids.Add(TelegramClient.IdOf(message));
        }

        Assert.Equal(fixture.Channels[0].Messages.Select(m => m.Id).OrderDescending(), ids);
        Assert.True(client.ConnectCounts[4] > 1, "the home DC connection was re-opened");
    }

    [Fact]
    public async Task Download_with_parts_in_flight_survives_dropped_connections()
    {
        var fixture = ClientTestKit.Fixture(100);
        await using var cluster = ClientTestKit.Start(fixture);
        await using var client = await ClientTestKit.LoggedInAsync(cluster, ClientTestKit.Options(cluster) with { DownloadPartSize = 32 * 1024, ParallelDownloadParts = 6, MaxReconnects = 10 });
        var channel = await client.ResolveChannelAsync("archive", default);
        var document = await DocumentOf(client, channel, 100);
        fixture.Faults.DisconnectEvery = 5;
        using var output = new MemoryStream();
        await client.DownloadDocumentAsync(document, output, null, default);
        Assert.Equal(fixture.Channels[0].Messages.Single(m => m.Id == 100).File!.Content, output.ToArray());
        Assert.Contains("fault: disconnect", cluster.Dcs[2].Trace);
    }

    [Fact]
    public async Task Added_latency_slows_answers_but_changes_nothing()
    {
        var fixture = ClientTestKit.Fixture(10);
        await using var cluster = ClientTestKit.Start(fixture);
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        fixture.Faults.LatencyMs = 150;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var channel = await client.ResolveChannelAsync("archive", default);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(140));
        Assert.Equal(777, channel.Id);
    }

    private static async Task<Document> DocumentOf(TelegramClient client, Channel channel, int messageId)
    {
        var byId = await client.GetMessagesAsync(channel, [messageId], default);
        return Assert.IsType<Document>(Assert.IsType<MessageMediaDocument>(Assert.IsType<Message>(byId[messageId]).Media).Document);
    }
}
