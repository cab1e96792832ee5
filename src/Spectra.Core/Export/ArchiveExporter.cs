using System.Text.Encodings.Web;
using System.Text.Json;
using Spectra.Core.Errors;
using Spectra.Core.Hosting;
using Spectra.Core.Storage.Query;

namespace Spectra.Core.Export;

/// <summary>
/// Exports an archive (all chats or a chosen few) as Telegram Desktop JSON or as a static HTML site. Both stream:
/// messages are read with a cursor and written as they come. An export only reads, so it reads through an
/// <see cref="ArchiveReader"/>: it never migrates or checkpoints the archive and works where the archive cannot be written.
/// </summary>
public sealed class ArchiveExporter
{
    private const int ProgressActivity = 32;

    private static readonly JsonWriterOptions s_jsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable non-ASCII text, as Telegram Desktop writes it
    };

    private readonly ArchiveReader _archive;
    private readonly IHostMessageSink _sink;

    public ArchiveExporter(ArchiveReader archive, IHostMessageSink sink)
    {
        _archive = archive;
        _sink = sink;
    }

    /// <summary>Messages per HTML page.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Problems with single files (conflicts, unsafe paths) are reported here and the export goes on.</summary>
    public Action<SpectraException>? MediaFailed { get; init; }

    /// <summary>
    /// The peers that <paramref name="selectors"/> name (peer id, bare id, username or title); all when empty. Names
    /// that match no chat are listed in <see cref="PeerSelection.Unmatched"/>; when none of them matches, there is
    /// nothing to export and ChannelNotFound is thrown (never an export of everything or of nothing).
    /// </summary>
    public PeerSelection SelectPeers(IReadOnlyCollection<string> selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        var peers = ExportSource.Peers(_archive).Where(p => p.MessageCount > 0).ToList();
        if (selectors.Count == 0)
        {
            return new PeerSelection(peers, []);
        }

        var chosen = new List<ArchivedPeer>();
        var unmatched = new List<string>();
        foreach (var selector in selectors)
        {
            var name = selector.TrimStart('@');
            var matches = peers.Where(p =>
                (long.TryParse(selector, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id)
                    && (p.PeerId == id || p.TelegramId == id))
                || string.Equals(p.Username, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Title, selector, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                unmatched.Add(selector);
            }

            chosen.AddRange(matches.Where(m => !chosen.Contains(m)));
        }

        if (chosen.Count == 0)
        {
            throw ExportErrors.ChannelNotFound(_archive.Path, unmatched);
        }

        return new PeerSelection(chosen, unmatched);
    }

    public async Task<IReadOnlyList<ExportedChat>> ExportAsync(ArchiveExportFormat format, string destination,
        IReadOnlyList<ArchivedPeer> peers, Action<ExportedChat>? chatExported, CancellationToken cancellationToken)
    {
        _sink.Log(HostLogLevel.Verbose, FormattableString.Invariant($"Export of {peers.Count} chat(s) from {_archive.Path} to {destination} as {format} started"));
        var inner = chatExported;
        chatExported = chat =>
        {
            _sink.Log(HostLogLevel.Verbose, FormattableString.Invariant(
                $"Exported chat {chat.Chat}: {chat.Messages} message(s), {chat.MediaFiles} media file(s), {chat.MediaMissing} missing"));
            inner?.Invoke(chat);
        };
        try
        {
            Directory.CreateDirectory(destination);
            return format == ArchiveExportFormat.Json
                ? await ExportJsonAsync(destination, peers, chatExported, cancellationToken).ConfigureAwait(false)
                : await new HtmlSiteWriter(_archive, _sink, PageSize, MediaFailed)
                    .WriteAsync(destination, peers, chatExported, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // PathTooLongException, DirectoryNotFoundException (a file where a folder is needed) and the rest are
            // IOExceptions; left raw they reach the user without an error id, a path or a fix.
            throw ExportErrors.DestinationUnwritable(destination, ex);
        }
        finally
        {
            _sink.Progress(new ProgressInfo(ProgressActivity, "Exporting", "Done", 100, Completed: true));
        }
    }

    private async Task<IReadOnlyList<ExportedChat>> ExportJsonAsync(string destination, IReadOnlyList<ArchivedPeer> peers,
        Action<ExportedChat>? chatExported, CancellationToken cancellationToken)
    {
        var resultPath = Path.Combine(destination, "result.json");
        var copier = new MediaCopier(_archive.Media, destination, resultPath);
        var results = new List<ExportedChat>();

        // Written under another name and moved into place once complete: a stopped or failed export (Ctrl+C, a full
        // disk) must neither leave a cut-off file named result.json nor destroy the complete one already there.
        var partialPath = $"{resultPath}.{Path.GetRandomFileName()}.partial"; // random: a media file may be called result.json.partial
        try
        {
            await WriteJsonAsync(partialPath, copier, peers, resultPath, results, cancellationToken).ConfigureAwait(false);
            File.Move(partialPath, resultPath, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(partialPath);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The error being thrown is what the user needs to see; a leftover .partial name says what it is.
            }

            throw;
        }

        // Every chat is in the one result.json, so a chat is reported only once that file is complete and in place:
        // the summary names it, and whatever reads it next in the pipeline must find the whole file.
        foreach (var exported in results)
        {
            chatExported?.Invoke(exported);
        }

        return results;
    }

    private async Task WriteJsonAsync(string partialPath, MediaCopier copier, IReadOnlyList<ArchivedPeer> peers, string resultPath,
        List<ExportedChat> results, CancellationToken cancellationToken)
    {
        var stream = new FileStream(partialPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using (stream.ConfigureAwait(false))
        {
            using var writer = new Utf8JsonWriter(stream, s_jsonOptions);
            var single = peers.Count == 1;
            writer.WriteStartObject();
            if (!single)
            {
                writer.WriteString("about", "Exported by Spectra from its archive, in Telegram Desktop's JSON export format.");
                writer.WriteStartObject("chats");
                writer.WriteString("about", "This page lists all chats from this export.");
                writer.WriteStartArray("list");
            }

            foreach (var peer in peers)
            {
                if (!single)
                {
                    writer.WriteStartObject();
                }

                writer.WriteString("name", peer.DisplayName);
                writer.WriteString("type", peer.ExportType);
                writer.WriteNumber("id", peer.TelegramId);
                writer.WriteStartArray("messages");
                long count = 0, files = 0, missing = 0;
                foreach (var message in ExportSource.Messages(_archive, peer.PeerId))
                {
                    var written = new Dictionary<int, string>();
                    foreach (var media in message.Media)
                    {
                        if (await CopyAsync(copier, media, resultPath, peer, message, cancellationToken).ConfigureAwait(false) is { } path)
                        {
                            written[media.Ordinal] = path;
                            files++;
                        }
                        else
                        {
                            missing++;
                        }
                    }

                    TdesktopMessageWriter.Write(writer, message, m => written.GetValueOrDefault(m.Ordinal));
                    count++;
                    if (writer.BytesPending > 1 << 16)
                    {
                        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }

                    if (count % 1000 == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        Report(peer, count);
                    }
                }

                writer.WriteEndArray();
                if (!single)
                {
                    writer.WriteEndObject();
                }

                results.Add(new ExportedChat(peer.PeerId, peer.DisplayName, "Json", count, files, missing, resultPath));
            }

            if (!single)
            {
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Copies one file of a message; the path it was written to, or null when it was not.</summary>
    private async Task<string?> CopyAsync(MediaCopier copier, StoredMedia media, string resultPath, ArchivedPeer peer,
        StoredMessage message, CancellationToken cancellationToken)
    {
        var relative = media.Sha256 is null ? null : TdesktopMessageWriter.PathFor(media);
        if (relative is null)
        {
            return null;
        }

        var location = new ErrorLocation(resultPath, 0, $"{peer.DisplayName}#{message.MessageId}.media[{media.Ordinal}]");
        try
        {
            try
            {
                return await copier.CopyAsync(media.Sha256!, relative, location, cancellationToken).ConfigureAwait(false) ? relative : null;
            }
            catch (SpectraException ex) when (ex.ErrorId == MediaCopier.ConflictId
                && TdesktopMessageWriter.UniquePathFor(media, relative) is var unique && unique != relative)
            {
                // Chats imported from different exports reuse paths (every chat's first photo is photos/photo_1@<date>.jpg).
                // The second file goes to a path of its own, which the message is written with.
                return await copier.CopyAsync(media.Sha256!, unique, location, cancellationToken).ConfigureAwait(false) ? unique : null;
            }
        }
        catch (SpectraException ex)
        {
            MediaFailed?.Invoke(ex);
            return null;
        }
    }

    private void Report(ArchivedPeer peer, long count) =>
        _sink.Progress(new ProgressInfo(ProgressActivity, "Exporting " + peer.DisplayName,
            $"{count:N0} of {peer.MessageCount:N0} messages",
            peer.MessageCount > 0 ? (int)Math.Min(100, count * 100 / peer.MessageCount) : -1));
}
