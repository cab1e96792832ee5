using Spectra.Telegram.Client;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Tests.Client;

/// <summary>The simulator enforces upload.getFile's documented offset/limit rules; the client refuses part sizes that break them.</summary>
public sealed class FileLimitTests
{
    [Theory]
    [InlineData(0, 1000, false, "LIMIT_INVALID")]          // not a multiple of 4 KiB
    [InlineData(0, 3 * 4096, false, "LIMIT_INVALID")]      // does not divide 1 MiB
    [InlineData(0, 2 << 20, false, "LIMIT_INVALID")]       // above 1 MiB
    [InlineData(1024, 4096, false, "OFFSET_INVALID")]      // offset not 4 KiB aligned
    [InlineData((1 << 20) - 4096, 8192, false, "OFFSET_INVALID")] // crosses a 1 MiB boundary
    [InlineData(1024, 1024, true, null)]                   // precise: 1 KiB granularity is fine
    [InlineData(4096, 8192, false, null)]
    public async Task GetFile_limits(long offset, int limit, bool precise, string? error)
    {
        var fixture = ClientTestKit.Fixture(50);
        await using var cluster = ClientTestKit.Start(fixture);
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        var channel = await client.ResolveChannelAsync("archive", default);
        var message = Assert.IsType<Message>((await client.GetMessagesAsync(channel, [50], default))[50]);
        var document = Assert.IsType<Document>(Assert.IsType<MessageMediaDocument>(message.Media).Document);
        await client.EnsureAuthorizedAsync(2, default);
        var request = new Upload_GetFileRequest
        {
            Precise = precise,
            Location = new InputDocumentFileLocation { Id = document.Id, AccessHash = document.AccessHash, FileReference = document.FileReference },
            Offset = offset,
            Limit = limit,
        };
        if (error is null)
        {
            var file = Assert.IsType<Upload_File>(await client.InvokeOnDcAsync(2, request, default));
            var content = fixture.Channels[0].Messages.Single(m => m.Id == 50).File!.Content;
            Assert.Equal(content.AsSpan((int)offset, limit).ToArray(), file.Bytes);
        }
        else
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => client.InvokeOnDcAsync(2, request, default));
            Assert.Equal((400, error), (ex.Code, ex.ErrorMessage));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(3 * 4096)]
    [InlineData(2 << 20)]
    public void Client_rejects_part_sizes_telegram_would_refuse(int partSize)
    {
        var options = new TelegramClientOptions { ApiId = 1, ApiHash = "x", InitialDc = new DcEndpoint(2, "127.0.0.1", 1), DownloadPartSize = partSize };
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelegramClient(options));
    }
}
