using System.Security.Cryptography;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Simulator.Fixtures;
using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Tests.Client;

/// <summary>Photos (inputPhotoFileLocation + a size type) download like documents: across DCs and through expired references.</summary>
public sealed class PhotoDownloadTests
{
    private const int PhotoMessageId = 50;

    [Fact]
    public async Task Photo_on_another_dc_downloads_byte_identical_and_expired_reference_is_refreshed()
    {
        var fixture = WithPhoto(ClientTestKit.Fixture(60));
        fixture.Faults.ExpireHistoryFileReferences = true;
        await using var cluster = ClientTestKit.Start(fixture);
        await using var client = await ClientTestKit.LoggedInAsync(cluster, ClientTestKit.Options(cluster) with { DownloadPartSize = 64 * 1024, ParallelDownloadParts = 4 });
        var channel = await client.ResolveChannelAsync("archive", default);
        Photo? stale = null;
        await foreach (var message in client.GetHistoryAsync(channel))
        {
            stale ??= ((message as Message)?.Media as MessageMediaPhoto)?.Photo as Photo;
        }

        Assert.NotNull(stale);
        Assert.Equal(2, stale.DcId);
        Assert.NotEqual(2, client.HomeDcId);
        var size = Assert.IsType<PhotoSize>(Assert.Single(stale.Sizes));
        var expected = fixture.Channels[0].Messages.Single(m => m.Id == PhotoMessageId).File!.Content;

        // Without a refresh callback the expired reference surfaces typed.
        using var failed = new MemoryStream();
        await Assert.ThrowsAsync<FileReferenceExpiredException>(() => client.DownloadAsync(Location(stale, size), size.Size, stale.DcId, failed, null, default));

        var refreshes = 0;
        using var output = new MemoryStream();
        await client.DownloadAsync(Location(stale, size), size.Size, stale.DcId, output, async ct =>
        {
            Interlocked.Increment(ref refreshes);
            var byId = await client.GetMessagesAsync(channel, [PhotoMessageId], ct);
            var fresh = Assert.IsType<Photo>(Assert.IsType<MessageMediaPhoto>(Assert.IsType<Message>(byId[PhotoMessageId]).Media).Photo);
            return Location(fresh, size);
        }, default);
        Assert.Equal(1, refreshes);
        Assert.Equal(SHA256.HashData(expected), SHA256.HashData(output.ToArray()));

        // A document location naming the photo is refused: photos are addressed only by their size.
        var wrong = new InputDocumentFileLocation { Id = stale.Id, AccessHash = stale.AccessHash, FileReference = stale.FileReference };
        var error = await Assert.ThrowsAsync<RpcException>(() => client.DownloadAsync(wrong, size.Size, stale.DcId, new MemoryStream(), null, default));
        Assert.Equal("LOCATION_INVALID", error.ErrorMessage);
    }

    private static InputPhotoFileLocation Location(Photo photo, PhotoSize size) =>
        new() { Id = photo.Id, AccessHash = photo.AccessHash, FileReference = photo.FileReference, ThumbSize = size.Type };

    /// <summary>Turns message 50's document into a photo of one "y" size (same DC, bytes from a fresh seed).</summary>
    private static SimFixture WithPhoto(SimFixture fixture)
    {
        var messages = fixture.Channels[0].Messages;
        var index = messages.FindIndex(m => m.Id == PhotoMessageId);
        messages[index] = new SimMessage { Id = PhotoMessageId, Date = messages[index].Date, Text = "photo", File = new SimFile { Id = 7777, DcId = 2, Size = 200_000, Seed = 77, PhotoSizeType = "y" } };
        return fixture;
    }
}
