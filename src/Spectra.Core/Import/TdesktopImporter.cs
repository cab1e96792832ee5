using System.Diagnostics;
using System.Text.Json;
using Spectra.Core.Errors;
using Spectra.Core.Hosting;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;

namespace Spectra.Core.Import;

/// <summary>
/// Imports a Telegram Desktop JSON export into an archive: streams result.json, maps each message, copies its files
/// into the content-addressed media store, and writes batches through <see cref="ArchiveWriter"/>.
/// Idempotent and resumable by construction: messages are upserted by (peer, message id) and each batch is one
/// transaction, so an import that is interrupted and run again converges on exactly the rows of an uninterrupted
/// one (already-written batches come back as "unchanged"). Per-message problems are reported and counted, never
/// fatal; a damaged file stops the import after everything before the damage is committed.
/// </summary>
public sealed class TdesktopImporter
{
    private const int ProgressActivity = 31;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly ArchiveDatabase _database;
    private readonly IHostMessageSink _sink;

    public TdesktopImporter(ArchiveDatabase database, IHostMessageSink sink)
    {
        _database = database;
        _sink = sink;
    }

    /// <summary>Messages per transaction: large enough to amortise commits, small enough to lose little on a crash.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>The result.json for a folder or file path, and the folder media paths are relative to.</summary>
    public static (string ResultJson, string Root) Locate(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var candidate = Path.Combine(full, "result.json");
            if (!File.Exists(candidate))
            {
                throw new SpectraException("ExportResultJsonNotFound", SpectraErrorCategory.ObjectNotFound,
                    "The folder has no result.json.",
                    "Point -Path at the folder Telegram Desktop exported in JSON format (it holds result.json), or at result.json itself. "
                    + "An HTML-only export cannot be imported; export again with format JSON.",
                    new ErrorLocation(full));
            }

            return (candidate, full);
        }

        if (!File.Exists(full))
        {
            throw new SpectraException("ExportNotFound", SpectraErrorCategory.ObjectNotFound,
                "The export path does not exist.", "Check the path to the export folder or its result.json.",
                new ErrorLocation(full));
        }

        return (full, Path.GetDirectoryName(full)!);
    }

    public async Task<IReadOnlyList<ImportChatSummary>> ImportAsync(string path, ImportCallbacks? callbacks,
        CancellationToken cancellationToken)
    {
        callbacks ??= new ImportCallbacks();
        var (file, root) = Locate(path);
        var summaries = new List<ImportChatSummary>();
        using var writer = _database.CreateWriter();
        writer.BeginRun(RunKind.Import, detail: "tdesktop-json " + file);
        var outcome = RunOutcome.Failed;
        long failedTotal = 0;
        try
        {
            using var reader = TdesktopExportReader.Open(file);
            var state = new ChatState();
            var batch = new List<ArchivedMessage>(BatchSize);
            long messagesRead = 0;
            var progressClock = Stopwatch.StartNew();
            var lastProgress = -ProgressInterval;
            while (reader.Read())
            {
                switch (reader.Kind)
                {
                    case ExportItemKind.ChatStarted:
                        state = StartChat(writer, reader.Chat!, file, callbacks);
                        break;
                    case ExportItemKind.Message:
                        messagesRead++;
                        var archived = await ReadMessageAsync(reader, state, file, root, callbacks, cancellationToken)
                            .ConfigureAwait(false);
                        if (archived is not null)
                        {
                            batch.Add(archived);
                            if (batch.Count >= BatchSize)
                            {
                                Flush(writer, state, batch, callbacks);
                                callbacks.BatchCommitted?.Invoke(messagesRead);
                                cancellationToken.ThrowIfCancellationRequested();
                            }
                        }

                        break;
                    case ExportItemKind.ChatCompleted:
                        Flush(writer, state, batch, callbacks);
                        callbacks.BatchCommitted?.Invoke(messagesRead);
                        failedTotal += state.Failed;
                        var summary = state.Summary();
                        summaries.Add(summary);
                        callbacks.ChatCompleted?.Invoke(summary);
                        cancellationToken.ThrowIfCancellationRequested();
                        break;
                }

                if (progressClock.Elapsed - lastProgress >= ProgressInterval)
                {
                    lastProgress = progressClock.Elapsed;
                    var percent = reader.Length > 0 ? (int)(reader.BytesRead * 100 / reader.Length) : -1;
                    _sink.Progress(new ProgressInfo(ProgressActivity, "Importing " + Path.GetFileName(root),
                        $"{state.Chat?.Name ?? "chat"}: {messagesRead:N0} messages read", percent));
                }
            }

            outcome = failedTotal > 0 ? RunOutcome.Partial : RunOutcome.Succeeded;
            return summaries;
        }
        catch (OperationCanceledException)
        {
            outcome = RunOutcome.Cancelled;
            throw;
        }
        finally
        {
            _sink.Progress(new ProgressInfo(ProgressActivity, "Importing", "Done", 100, Completed: true));
            writer.CompleteRun(outcome);
        }
    }

    private ChatState StartChat(ArchiveWriter writer, ExportChat chat, string file, ImportCallbacks callbacks)
    {
        var state = new ChatState { Chat = chat, Clock = Stopwatch.StartNew() };
        if (chat.Id is not { } id || id <= 0)
        {
            state.Refused = true;
            callbacks.MessageFailed?.Invoke(new ImportMessageError(chat.Name, null, null,
                new SpectraException("ExportChatIdMissing", SpectraErrorCategory.InvalidData,
                    "The chat has no usable 'id', so its messages cannot be keyed; they are skipped.",
                    "Re-export the chat from Telegram Desktop.", new ErrorLocation(file, 0, chat.JsonPath + "id"))));
            return state;
        }

        var type = ExportMessageMapper.PeerTypeOf(chat);
        var peer = PeerRecord.FromBare(type, id) with { Title = chat.Name };
        writer.UpsertPeer(peer);
        state.PeerId = peer.PeerId;
        return state;
    }

    private async Task<ArchivedMessage?> ReadMessageAsync(TdesktopExportReader reader, ChatState state, string file,
        string root, ImportCallbacks callbacks, CancellationToken cancellationToken)
    {
        if (state.Refused)
        {
            state.Failed++;
            return null;
        }

        var raw = reader.MessageJson.ToArray();
        try
        {
            using var document = JsonDocument.Parse(raw);
            var message = TdesktopMessageParser.Parse(document.RootElement, raw, file, reader.MessageLine, reader.MessagePath);
            var media = new List<ArchivedMedia>(message.Media.Count);
            foreach (var reference in message.Media)
            {
                media.Add(await StoreMediaAsync(reference, document.RootElement, message, state, file, root, reader,
                    callbacks, cancellationToken).ConfigureAwait(false));
            }

            return ExportMessageMapper.Map(message, document.RootElement, media);
        }
        catch (SpectraException ex)
        {
            state.Failed++;
            callbacks.MessageFailed?.Invoke(new ImportMessageError(state.Chat?.Name, state.Chat?.Id, IdOf(raw), ex));
            return null;
        }
        catch (JsonException ex)
        {
            state.Failed++;
            callbacks.MessageFailed?.Invoke(new ImportMessageError(state.Chat?.Name, state.Chat?.Id, null,
                new SpectraException("ExportMessageInvalidJson", SpectraErrorCategory.ParserError,
                    "The message is not valid JSON: " + ex.Message, "Re-export the chat from Telegram Desktop.",
                    new ErrorLocation(file, reader.MessageLine, reader.MessagePath), ex)));
            return null;
        }
    }

    private async Task<ArchivedMedia> StoreMediaAsync(ExportMediaReference reference, JsonElement element,
        ExportMessage message, ChatState state, string file, string root, TdesktopExportReader reader,
        ImportCallbacks callbacks, CancellationToken cancellationToken)
    {
        var media = new ArchivedMedia(reference.Kind)
        {
            OriginalName = FileNameSanitizer.Sanitize(reference.FileName ?? (reference.RelativePath is null ? null : Path.GetFileName(reference.RelativePath))),
            Mime = reference.MimeType,
            Size = reference.Size,
            Width = reference.Width,
            Height = reference.Height,
            DurationSeconds = reference.DurationSeconds,
            ExtraJson = ExportMessageMapper.MediaExtraJson(reference, element),
        };
        if (reference.RelativePath is null)
        {
            state.MediaMissing++;
            return media with { MissingReason = reference.Placeholder };
        }

        var location = new ErrorLocation(file, reader.MessageLine, reader.MessagePath + "." + reference.Field);
        try
        {
            var full = ExportMediaPaths.Resolve(root, reference.RelativePath, location);
            if (!File.Exists(full))
            {
                throw new SpectraException("ExportMediaFileNotFound", SpectraErrorCategory.ObjectNotFound,
                    "The file the message refers to is not in the export folder.",
                    "Copy the whole export folder (with its photos/, files/, ... subfolders); the message is imported without the file.",
                    location);
            }

            var stored = await _database.Media.StoreFileAsync(full, reference.MimeType, cancellationToken).ConfigureAwait(false);
            state.MediaStored++;
            return media with { Stored = stored, Mime = stored.Mime };
        }
        catch (SpectraException ex) when (ex.ErrorId is "ExportMediaPathRefused" or "ExportMediaFileNotFound")
        {
            state.MediaMissing++;
            callbacks.MessageFailed?.Invoke(new ImportMessageError(state.Chat?.Name, state.Chat?.Id, message.Id, ex));
            return media with { MissingReason = ex.ErrorId == "ExportMediaPathRefused" ? "path refused: outside the export folder" : "file not found in the export" };
        }
    }

    private static void Flush(ArchiveWriter writer, ChatState state, List<ArchivedMessage> batch, ImportCallbacks callbacks)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var result = writer.WriteBatch(state.PeerId, batch);
        state.Imported += result.Inserted;
        state.Updated += result.Updated;
        state.Skipped += result.Unchanged;
        state.Failed += result.Errors.Count;
        foreach (var error in result.Errors)
        {
            callbacks.MessageFailed?.Invoke(new ImportMessageError(state.Chat?.Name, state.Chat?.Id, error.MessageId,
                new SpectraException(error.ErrorId, SpectraErrorCategory.WriteError, error.Message,
                    "The message is recorded in message_errors; the rest of the chat was imported.")));
        }

        batch.Clear();
    }

    private static long? IdOf(byte[] raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            return document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number
                && id.TryGetInt64(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class ChatState
    {
        public ExportChat? Chat { get; init; }

        public Stopwatch Clock { get; init; } = Stopwatch.StartNew();

        public long PeerId { get; set; }

        public bool Refused { get; set; }

        public long Imported { get; set; }

        public long Updated { get; set; }

        public long Skipped { get; set; }

        public long Failed { get; set; }

        public long MediaStored { get; set; }

        public long MediaMissing { get; set; }

        public ImportChatSummary Summary() => new(Chat?.Name, Chat?.Id ?? 0, PeerId, Chat?.Type)
        {
            Imported = Imported,
            Updated = Updated,
            Skipped = Skipped,
            Failed = Failed,
            MediaStored = MediaStored,
            MediaMissing = MediaMissing,
            Duration = Clock.Elapsed,
        };
    }
}
