using Spectra.Telegram.Errors;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Tl.Api;

namespace Spectra.Telegram.Client;

/// <summary>
/// File download: parts of <see cref="TelegramClientOptions.DownloadPartSize"/>, up to
/// <see cref="TelegramClientOptions.ParallelDownloadParts"/> in flight, written to the caller's stream in order.
/// FILE_MIGRATE_X moves the download to DC X (authorization exported there once); FILE_REFERENCE_EXPIRED asks the
/// caller for a fresh location and retries.
/// </summary>
public sealed partial class TelegramClient
{
    private const int MaxReferenceRefreshes = 3;

    /// <summary>Downloads a document to <paramref name="destination"/>; <paramref name="refreshLocation"/> re-fetches its message for a fresh file_reference.</summary>
    public Task DownloadDocumentAsync(Document document, Stream destination, Func<CancellationToken, Task<InputFileLocationBase>>? refreshLocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var location = new InputDocumentFileLocation { Id = document.Id, AccessHash = document.AccessHash, FileReference = document.FileReference };
        return DownloadAsync(location, document.Size, null, destination, refreshLocation, cancellationToken);
    }

    /// <summary>Downloads <paramref name="size"/> bytes from <paramref name="location"/>, starting at <paramref name="dcId"/> (home DC when null).</summary>
    public async Task DownloadAsync(InputFileLocationBase location, long size, int? dcId, Stream destination, Func<CancellationToken, Task<InputFileLocationBase>>? refreshLocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var state = new DownloadState(location, dcId ?? HomeDcId);
        var partSize = _options.DownloadPartSize;
        var parts = (int)((size + partSize - 1) / partSize);
        var inFlight = new Queue<Task<byte[]>>();
        var next = 0;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            for (var written = 0; written < parts; written++)
            {
                // The first part goes alone: it settles FILE_MIGRATE and the file reference once instead of once per part.
                var window = written == 0 ? 1 : _options.ParallelDownloadParts;
                while (next < parts && inFlight.Count < window)
                {
                    inFlight.Enqueue(GetPartAsync(state, (long)next * partSize, partSize, refreshLocation, failed.Token));
                    next++;
                }

                var bytes = await inFlight.Dequeue().ConfigureAwait(false);
                var expected = (int)Math.Min(partSize, size - ((long)written * partSize));
                if (bytes.Length != expected)
                {
                    throw new TelegramException(FormattableString.Invariant($"Part {written} of the file came back with {bytes.Length} bytes, expected {expected}: the file size does not match."));
                }

                await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Stop the parts still in flight when one failed, and observe their outcome.
            await failed.CancelAsync().ConfigureAwait(false);
            foreach (var pending in inFlight)
            {
                try
                {
                    await pending.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or TelegramException)
                {
                }
            }
        }
    }

    private async Task<byte[]> GetPartAsync(DownloadState state, long offset, int limit, Func<CancellationToken, Task<InputFileLocationBase>>? refreshLocation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (location, dcId, generation) = state.Snapshot();
            try
            {
                if (dcId != HomeDcId)
                {
                    await EnsureAuthorizedAsync(dcId, cancellationToken).ConfigureAwait(false);
                }

                var answer = await InvokeOnDcAsync(dcId, new Upload_GetFileRequest { Location = location, Offset = offset, Limit = limit }, cancellationToken).ConfigureAwait(false);
                return answer is Upload_File file
                    ? file.Bytes
                    : throw new TelegramException("The server redirected the download to a CDN, which this client does not request.");
            }
            catch (MigrateException migrate) when (migrate.Kind == "FILE" && attempt < 3)
            {
                state.MoveTo(migrate.DcId);
            }
            catch (FileReferenceExpiredException) when (refreshLocation is not null && attempt < MaxReferenceRefreshes)
            {
                await state.RefreshAsync(generation, refreshLocation, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
