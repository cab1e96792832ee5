using Microsoft.Data.Sqlite;
using Spectra.Core.Errors;
using Spectra.Core.Storage.Model;
using Spectra.Core.Storage.Query;

namespace Spectra.Core.Storage;

/// <summary>
/// Writes into an archive in batches. Each <see cref="WriteBatch"/> is one IMMEDIATE transaction holding the
/// messages, their media links, the errors of the messages that failed, the peer's sync state and the run's counts:
/// after a crash the archive holds whole batches only, and the sync state always describes exactly what is stored.
/// Statements are prepared once and reused. Every write runs through a <see cref="SqliteGuard"/>: SQLite failures
/// surface as storage errors with ids, and the writer's cancellation token stops lock waits and running statements
/// (the interrupted transaction is rolled back whole). Not thread-safe; one writer per connection.
/// </summary>
public sealed class ArchiveWriter : IDisposable
{
    private const int SqliteConstraint = 19;
    private const int SqliteMismatch = 20;
    private const int SqliteTooBig = 18;

    private readonly ArchiveDatabase _database;
    private readonly SqliteConnection _connection;
    private readonly SqliteGuard _guard;
    private readonly RawStatement _insertMessage;
    private readonly RawStatement _updateMessage;
    private readonly SqliteCommand _insertMedia;
    private readonly SqliteCommand _upsertLink;
    private readonly SqliteCommand _insertError;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackTo;
    private readonly SqliteCommand _deferIndex;
    private readonly SqliteCommand _indexRange;
    private readonly SqliteCommand _resumeIndex;
    private readonly string _insertTriggerSql;
    private long _inserted;
    private long _updated;
    private long _unchanged;
    private long _errors;
    private long _mediaStored;

    internal ArchiveWriter(ArchiveDatabase database, CancellationToken cancellationToken)
    {
        _database = database;
        _connection = database.Connection;
        _guard = new SqliteGuard(_connection, database.Path, database.Options.BusyTimeout, cancellationToken);

        _insertMessage = new RawStatement(_connection, MessageColumns.InsertSql());
        _updateMessage = new RawStatement(_connection, MessageColumns.UpdateSql());

        _insertMedia = Command("""
            INSERT INTO media (sha256, size, mime, stored_path, stored_at) VALUES ($sha256, $size, $mime, $path, $at)
            ON CONFLICT (sha256) DO NOTHING
            """, "$sha256", "$size", "$mime", "$path", "$at");
        _upsertLink = Command("""
            INSERT INTO message_media (peer_id, message_id, ordinal, kind, sha256, missing_reason, original_name, mime,
                size, width, height, duration_seconds, telegram_file_id, telegram_access_hash, telegram_dc_id, extra_json)
            VALUES ($peer_id, $message_id, $ordinal, $kind, $sha256, $missing_reason, $original_name, $mime, $size,
                $width, $height, $duration, $file_id, $access_hash, $dc_id, $extra_json)
            ON CONFLICT (peer_id, message_id, ordinal) DO UPDATE SET
                kind = excluded.kind,
                sha256 = coalesce(excluded.sha256, message_media.sha256),
                missing_reason = CASE WHEN coalesce(excluded.sha256, message_media.sha256) IS NULL
                                      THEN coalesce(excluded.missing_reason, message_media.missing_reason) END,
                original_name = coalesce(excluded.original_name, message_media.original_name),
                mime = coalesce(excluded.mime, message_media.mime),
                size = coalesce(excluded.size, message_media.size),
                width = coalesce(excluded.width, message_media.width),
                height = coalesce(excluded.height, message_media.height),
                duration_seconds = coalesce(excluded.duration_seconds, message_media.duration_seconds),
                telegram_file_id = coalesce(excluded.telegram_file_id, message_media.telegram_file_id),
                telegram_access_hash = coalesce(excluded.telegram_access_hash, message_media.telegram_access_hash),
                telegram_dc_id = coalesce(excluded.telegram_dc_id, message_media.telegram_dc_id),
                extra_json = coalesce(excluded.extra_json, message_media.extra_json)
            WHERE message_media.kind IS NOT excluded.kind
               OR (excluded.sha256 IS NOT NULL AND message_media.sha256 IS NOT excluded.sha256)
               OR (message_media.sha256 IS NULL AND excluded.sha256 IS NULL
                   AND excluded.missing_reason IS NOT NULL AND message_media.missing_reason IS NOT excluded.missing_reason)
               OR (excluded.original_name IS NOT NULL AND message_media.original_name IS NOT excluded.original_name)
               OR (excluded.mime IS NOT NULL AND message_media.mime IS NOT excluded.mime)
               OR (excluded.size IS NOT NULL AND message_media.size IS NOT excluded.size)
               OR (excluded.width IS NOT NULL AND message_media.width IS NOT excluded.width)
               OR (excluded.height IS NOT NULL AND message_media.height IS NOT excluded.height)
               OR (excluded.duration_seconds IS NOT NULL AND message_media.duration_seconds IS NOT excluded.duration_seconds)
               OR (excluded.telegram_file_id IS NOT NULL AND message_media.telegram_file_id IS NOT excluded.telegram_file_id)
               OR (excluded.telegram_access_hash IS NOT NULL AND message_media.telegram_access_hash IS NOT excluded.telegram_access_hash)
               OR (excluded.telegram_dc_id IS NOT NULL AND message_media.telegram_dc_id IS NOT excluded.telegram_dc_id)
               OR (excluded.extra_json IS NOT NULL AND message_media.extra_json IS NOT excluded.extra_json)
            """, "$peer_id", "$message_id", "$ordinal", "$kind", "$sha256", "$missing_reason", "$original_name", "$mime",
            "$size", "$width", "$height", "$duration", "$file_id", "$access_hash", "$dc_id", "$extra_json");
        _insertError = Command("""
            INSERT INTO message_errors (run_id, peer_id, message_id, error_id, message, occurred_at)
            VALUES ($run, $peer, $message, $error_id, $text, $at)
            """, "$run", "$peer", "$message", "$error_id", "$text", "$at");
        _savepoint = Command("SAVEPOINT spectra_message");
        _release = Command("RELEASE spectra_message");
        _rollbackTo = Command("ROLLBACK TO spectra_message");
        _insertTriggerSql = ReadInsertTriggerSql();
        _deferIndex = Command("DROP TRIGGER messages_fts_insert");
        _indexRange = Command("""
            INSERT INTO messages_fts (rowid, text)
            SELECT row_id, text FROM messages WHERE row_id BETWEEN $low AND $high AND text IS NOT NULL
            """, "$low", "$high");
        _resumeIndex = Command(_insertTriggerSql);
    }

    /// <summary>The run this writer's batches are counted in (see <see cref="BeginRun"/>), if any.</summary>
    public long? RunId { get; private set; }

    /// <summary>Totals of everything this writer wrote since <see cref="BeginRun"/>.</summary>
    public RunCounts Counts => new(_inserted, _updated, _unchanged, _errors, _mediaStored);

    /// <summary>
    /// Runs found interrupted when <see cref="BeginRun"/> last started one: their process, on this machine, is gone
    /// without having recorded their end. They are now recorded as failed; callers tell the user.
    /// </summary>
    public IReadOnlyList<RunView> InterruptedRuns { get; private set; } = [];

    /// <summary>
    /// Records the start of a run, with the process that runs it; later batches count into it and stamp sync state
    /// with it. Runs this machine left unfinished (their process is gone) are recorded as failed first.
    /// </summary>
    public long BeginRun(RunKind kind, long? accountId = null, string? detail = null)
    {
        var owner = RunOwner.Current;
        (RunId, InterruptedRuns) = InTransaction(transaction =>
        {
            var interrupted = CloseInterruptedRuns(transaction);
            using var command = Command("""
                INSERT INTO runs (kind, account_id, started_at, detail, host, process_id, process_started_at)
                VALUES ($kind, $account, $at, $detail, $host, $pid, $pstart) RETURNING run_id
                """, "$kind", "$account", "$at", "$detail", "$host", "$pid", "$pstart");
            command.Transaction = transaction;
            Set(command, StorageText.Of(kind), accountId, StorageText.Now(), detail, owner.Host, owner.ProcessId, owner.ProcessStartedAt);
            return ((long?)(long)command.ExecuteScalar()!, interrupted);
        });
        _inserted = _updated = _unchanged = _errors = _mediaStored = 0;
        return RunId!.Value;
    }

    /// <summary>
    /// Marks as failed the open runs whose process is known to be gone, and those begun before schema version 5
    /// (which recorded no process; an older Spectra still running one would record its real end over this). A run
    /// wrongly taken for interrupted heals the same way: its own <see cref="CompleteRun"/> overwrites the outcome.
    /// </summary>
    private List<RunView> CloseInterruptedRuns(SqliteTransaction transaction)
    {
        var interrupted = ArchiveRuns.ReadUnfinished(_connection, transaction)
            .Where(run => run.Host is null || run.IsGone == true)
            .ToList();
        using var close = Command("""
            UPDATE runs SET outcome = 'failed', detail = coalesce(detail || '; ', '') || $note
            WHERE run_id = $run AND outcome = 'running'
            """, "$run", "$note");
        close.Transaction = transaction;
        foreach (var run in interrupted)
        {
            Set(close, run.RunId, InterruptedNote);
            close.ExecuteNonQuery();
        }

        return interrupted;
    }

    /// <summary>What <see cref="CloseInterruptedRuns"/> adds to the detail of a run it records as failed.</summary>
    private const string InterruptedNote = "interrupted: its process ended without recording the end of the run";

    /// <summary>
    /// Closes the current run with its outcome and final counts. Not cancellable: a stopped run still records that
    /// it was stopped.
    /// </summary>
    public void CompleteRun(RunOutcome outcome, string? detail = null)
    {
        if (RunId is not { } runId)
        {
            throw new InvalidOperationException("No run was begun on this writer.");
        }

        _guard.Run(() =>
        {
            // A run another process wrongly took for interrupted (see CloseInterruptedRuns) is still going: its real
            // end replaces the 'interrupted' note along with the outcome.
            using var command = Command("""
                UPDATE runs SET ended_at = $at, outcome = $outcome,
                    detail = coalesce($detail, nullif(replace(detail, '; ' || $note, ''), $note)),
                    messages_inserted = $i, messages_updated = $u, messages_unchanged = $n, errors = $e, media_stored = $m
                WHERE run_id = $run
                """, "$at", "$outcome", "$detail", "$note", "$i", "$u", "$n", "$e", "$m", "$run");
            Set(command, StorageText.Now(), StorageText.Of(outcome), detail, InterruptedNote, _inserted, _updated, _unchanged,
                _errors, _mediaStored, runId);
            command.ExecuteNonQuery();
        }, cancellable: false);
        RunId = null;
    }

    /// <summary>
    /// <see cref="CompleteRun"/> for a run that is already failing: a second failure here (the disk still full, the
    /// archive still locked) must not replace the error being reported, so it is returned instead of thrown. The
    /// run then stays 'running' in the archive, as after a crash. Does nothing when no run is open.
    /// </summary>
    public SpectraException? TryCompleteRun(RunOutcome outcome, string? detail = null)
    {
        if (RunId is null)
        {
            return null; // failed before its run was recorded
        }

        try
        {
            CompleteRun(outcome, detail);
            return null;
        }
        catch (SpectraException ex)
        {
            RunId = null;
            return ex;
        }
    }

    public void UpsertAccount(AccountRecord account)
    {
        ArgumentNullException.ThrowIfNull(account);
        _guard.Run(() =>
        {
            using var command = Command("""
                INSERT INTO accounts (account_id, username, display_name, first_seen, updated_at) VALUES ($id, $u, $d, $t, $t)
                ON CONFLICT (account_id) DO UPDATE SET username = coalesce(excluded.username, username),
                    display_name = coalesce(excluded.display_name, display_name), updated_at = excluded.updated_at
                """, "$id", "$u", "$d", "$t");
            Set(command, account.AccountId, account.Username, account.DisplayName, StorageText.Now());
            command.ExecuteNonQuery();
        });
    }

    /// <summary>
    /// Inserts or refreshes a peer. Unknown (null) fields keep their stored value; a changed username or title adds
    /// a row to <c>peer_history</c> (as does the first sighting).
    /// </summary>
    public void UpsertPeer(PeerRecord peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        InTransaction(transaction =>
        {
            using var read = Command("SELECT username, title FROM peers WHERE peer_id = $id", "$id");
            read.Transaction = transaction;
            Set(read, peer.PeerId);
            bool known;
            string? oldUsername = null, oldTitle = null;
            using (var reader = read.ExecuteReader())
            {
                known = reader.Read();
                if (known)
                {
                    oldUsername = reader.IsDBNull(0) ? null : reader.GetString(0);
                    oldTitle = reader.IsDBNull(1) ? null : reader.GetString(1);
                }
            }

            var now = StorageText.Now();
            using var upsert = Command("""
                INSERT INTO peers (peer_id, type, telegram_id, username, title, about, access_hash, is_forum, export_type, first_seen, updated_at)
                VALUES ($id, $type, $tid, $username, $title, $about, $hash, $forum, $export, $now, $now)
                ON CONFLICT (peer_id) DO UPDATE SET type = excluded.type, telegram_id = excluded.telegram_id,
                    username = coalesce(excluded.username, username), title = coalesce(excluded.title, title),
                    about = coalesce(excluded.about, about), access_hash = coalesce(excluded.access_hash, access_hash),
                    is_forum = max(is_forum, excluded.is_forum), export_type = coalesce(excluded.export_type, export_type),
                    updated_at = excluded.updated_at
                """, "$id", "$type", "$tid", "$username", "$title", "$about", "$hash", "$forum", "$export", "$now");
            upsert.Transaction = transaction;
            Set(upsert, peer.PeerId, StorageText.Of(peer.Type), peer.TelegramId, peer.Username, peer.Title, peer.About,
                peer.AccessHash, peer.IsForum ? 1 : 0, peer.ExportType, now);
            upsert.ExecuteNonQuery();

            var newUsername = peer.Username ?? oldUsername;
            var newTitle = peer.Title ?? oldTitle;
            if (!known || !string.Equals(newUsername, oldUsername, StringComparison.Ordinal)
                || !string.Equals(newTitle, oldTitle, StringComparison.Ordinal))
            {
                using var history = Command("""
                    INSERT INTO peer_history (peer_id, observed_at, username, title) VALUES ($id, $now, $username, $title)
                    """, "$id", "$now", "$username", "$title");
                history.Transaction = transaction;
                Set(history, peer.PeerId, now, newUsername, newTitle);
                history.ExecuteNonQuery();
            }
        });
    }

    public void UpsertForumTopics(long peerId, IEnumerable<ForumTopicRecord> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var all = topics.ToList(); // read once: a lock wait may run the transaction again
        InTransaction(transaction =>
        {
            using var command = Command("""
                INSERT INTO forum_topics (peer_id, topic_id, title, icon_emoji_id, created_date, closed, pinned, hidden, updated_at)
                VALUES ($peer, $topic, $title, $icon, $created, $closed, $pinned, $hidden, $now)
                ON CONFLICT (peer_id, topic_id) DO UPDATE SET title = excluded.title,
                    icon_emoji_id = coalesce(excluded.icon_emoji_id, icon_emoji_id),
                    created_date = coalesce(excluded.created_date, created_date), closed = excluded.closed,
                    pinned = excluded.pinned, hidden = excluded.hidden, updated_at = excluded.updated_at
                """, "$peer", "$topic", "$title", "$icon", "$created", "$closed", "$pinned", "$hidden", "$now");
            command.Transaction = transaction;
            foreach (var topic in all)
            {
                Set(command, peerId, topic.TopicId, topic.Title, topic.IconEmojiId, StorageText.Unix(topic.CreatedDate),
                    topic.IsClosed ? 1 : 0, topic.IsPinned ? 1 : 0, topic.IsHidden ? 1 : 0, StorageText.Now());
                command.ExecuteNonQuery();
            }
        });
    }

    /// <summary>Marks messages as deleted at the source. Archived content is kept.</summary>
    public int MarkDeleted(long peerId, IEnumerable<long> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var ids = messageIds.ToList(); // read once: a lock wait may run the transaction again
        return InTransaction(transaction =>
        {
            using var command = Command("""
                UPDATE messages SET deleted = 1, version = version + 1 WHERE peer_id = $peer AND message_id = $id AND deleted = 0
                """, "$peer", "$id");
            command.Transaction = transaction;
            var count = 0;
            foreach (var id in ids)
            {
                Set(command, peerId, id);
                count += command.ExecuteNonQuery();
            }

            return count;
        });
    }

    /// <summary>
    /// Writes one batch of messages of <paramref name="peerId"/> (which must exist: <see cref="UpsertPeer"/>) in one
    /// transaction, with <paramref name="syncState"/> when given. Idempotent: rewriting identical messages changes
    /// nothing. A message the database rejects (bad JSON, invalid id) is rolled back on its own and reported in
    /// <see cref="BatchResult.Errors"/> (and <c>message_errors</c>); storage failures (disk full, I/O) abort the
    /// whole batch and throw. <paramref name="sourceErrors"/> are problems the source met while producing this batch
    /// (a message it could not parse, a file it could not read): they are recorded in <c>message_errors</c> under
    /// <paramref name="peerId"/> and counted in the run, in the same transaction, so the archive never holds a batch
    /// without its errors.
    /// </summary>
    public BatchResult WriteBatch(long peerId, IReadOnlyList<ArchivedMessage> messages, SyncStateUpdate? syncState = null,
        IReadOnlyList<MessageError>? sourceErrors = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var fromSource = sourceErrors ?? [];
        var (result, mediaStored) = InTransaction(transaction => WriteBatchIn(transaction, peerId, messages, syncState, fromSource));
        // Counted only once committed: a batch that failed (or waited for a lock and ran again) adds nothing twice.
        _inserted += result.Inserted;
        _updated += result.Updated;
        _unchanged += result.Unchanged;
        _errors += result.Errors.Count + fromSource.Count;
        _mediaStored += mediaStored;
        return result;
    }

    private (BatchResult Result, int MediaStored) WriteBatchIn(SqliteTransaction transaction, long peerId,
        IReadOnlyList<ArchivedMessage> messages, SyncStateUpdate? syncState, IReadOnlyList<MessageError> sourceErrors)
    {
        RequirePeer(peerId, transaction);
        foreach (var command in new[] { _insertMedia, _upsertLink, _insertError, _savepoint, _release,
                     _rollbackTo, _deferIndex, _indexRange, _resumeIndex })
        {
            command.Transaction = transaction;
        }

        // New rows are indexed in one statement at the end, with the insert trigger dropped for the length of this
        // transaction and recreated from its exact stored SQL before commit (see the schema). Only safe when no
        // message id repeats: a second write of a row inserted earlier in the batch would make the update trigger
        // remove index entries that do not exist yet. Such batches keep the per-row trigger.
        var deferIndex = HasDistinctIds(messages);
        if (deferIndex)
        {
            _deferIndex.ExecuteNonQuery();
        }

        long? firstNewRow = null, lastNewRow = null;
        int inserted = 0, updated = 0, unchanged = 0, mediaStored = 0;
        long? lowest = null, highest = null;
        var errors = new List<MessageError>();
        var now = StorageText.Now();
        foreach (var message in messages)
        {
            if (message is null)
            {
                continue;
            }

            if (message.MessageId <= 0)
            {
                errors.Add(new MessageError(peerId, message.MessageId, "InvalidMessageId",
                    "Message ids are positive; this one is not."));
                continue;
            }

            var withMedia = message.Media.Count > 0;
            try
            {
                if (withMedia)
                {
                    _savepoint.ExecuteNonQuery();
                }

                var (outcome, rowId) = WriteMessage(peerId, message, now);
                if (outcome == 1)
                {
                    firstNewRow ??= rowId;
                    lastNewRow = rowId;
                }

                if (withMedia)
                {
                    outcome = WriteMedia(peerId, message, now, ref mediaStored) && outcome == 0 ? 2 : outcome;
                    _release.ExecuteNonQuery();
                }

                switch (outcome)
                {
                    case 1: inserted++; break;
                    case 2: updated++; break;
                    default: unchanged++; break;
                }

                lowest = lowest is null ? message.MessageId : Math.Min(lowest.Value, message.MessageId);
                highest = highest is null ? message.MessageId : Math.Max(highest.Value, message.MessageId);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteConstraint or SqliteMismatch or SqliteTooBig)
            {
                if (withMedia)
                {
                    _rollbackTo.ExecuteNonQuery();
                    _release.ExecuteNonQuery();
                }

                errors.Add(new MessageError(peerId, message.MessageId, "InvalidMessageData",
                    "The database rejected the message: " + ex.Message));
            }
        }

        if (deferIndex)
        {
            if (firstNewRow is not null)
            {
                Set(_indexRange, firstNewRow, lastNewRow);
                _indexRange.ExecuteNonQuery();
            }

            _resumeIndex.ExecuteNonQuery();
        }

        foreach (var error in sourceErrors.Concat(errors))
        {
            Set(_insertError, RunId, peerId, error.MessageId, error.ErrorId, error.Message, now);
            _insertError.ExecuteNonQuery();
        }

        if (syncState is not null)
        {
            WriteSyncState(peerId, syncState, syncState.LowestMessageId ?? lowest, syncState.HighestMessageId ?? highest,
                now, transaction);
        }

        if (RunId is { } runId)
        {
            using var counts = Command("""
                UPDATE runs SET messages_inserted = messages_inserted + $i, messages_updated = messages_updated + $u,
                    messages_unchanged = messages_unchanged + $n, errors = errors + $e WHERE run_id = $run
                """, "$i", "$u", "$n", "$e", "$run");
            counts.Transaction = transaction;
            Set(counts, inserted, updated, unchanged, errors.Count + sourceErrors.Count, runId);
            counts.ExecuteNonQuery();
        }

        return (new BatchResult(inserted, updated, unchanged, errors), mediaStored);
    }

    /// <summary>Writes the sync state alone (e.g. a run that found nothing new), in its own transaction.</summary>
    public void UpdateSyncState(long peerId, SyncStateUpdate syncState)
    {
        ArgumentNullException.ThrowIfNull(syncState);
        InTransaction(transaction =>
        {
            RequirePeer(peerId, transaction);
            WriteSyncState(peerId, syncState, syncState.LowestMessageId, syncState.HighestMessageId, StorageText.Now(), transaction);
        });
    }

    public void Dispose()
    {
        _insertMessage.Dispose();
        _updateMessage.Dispose();
        _insertMedia.Dispose();
        _upsertLink.Dispose();
        _insertError.Dispose();
        _savepoint.Dispose();
        _release.Dispose();
        _rollbackTo.Dispose();
        _deferIndex.Dispose();
        _indexRange.Dispose();
        _resumeIndex.Dispose();
    }

    /// <summary>The insert trigger exactly as stored, so recreating it leaves the schema byte for byte the same.</summary>
    private string ReadInsertTriggerSql()
    {
        using var command = Command("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'messages_fts_insert'");
        return command.ExecuteScalar() as string ?? throw new SpectraException("SchemaDamaged", SpectraErrorCategory.InvalidData,
            "The archive lacks the trigger that keeps the search index up to date (messages_fts_insert).",
            "Run Test-SpectraDatabase to see what else is missing; restore the archive from a backup.",
            new ErrorLocation(_database.Path));
    }

    private static bool HasDistinctIds(IReadOnlyList<ArchivedMessage> messages)
    {
        var seen = new HashSet<long>();
        foreach (var message in messages)
        {
            if (message is not null && !seen.Add(message.MessageId))
            {
                return false;
            }
        }

        return true;
    }

    /// <returns>1 inserted, 2 updated, 0 unchanged; and the rowid when inserted.</returns>
    private (int Outcome, long RowId) WriteMessage(long peerId, ArchivedMessage message, long now)
    {
        try
        {
            MessageColumns.Bind(_insertMessage, peerId, message, now);
            _insertMessage.Step();
            if (_insertMessage.Changes == 1)
            {
                return (1, _insertMessage.LastInsertRowId);
            }
        }
        finally
        {
            _insertMessage.Reset();
        }

        try
        {
            MessageColumns.Bind(_updateMessage, peerId, message, now);
            _updateMessage.Step();
            return (_updateMessage.Changes == 1 ? 2 : 0, 0);
        }
        finally
        {
            _updateMessage.Reset();
        }
    }

    /// <returns>Whether any media row changed.</returns>
    private bool WriteMedia(long peerId, ArchivedMessage message, long now, ref int mediaStored)
    {
        var changed = false;
        for (var ordinal = 0; ordinal < message.Media.Count; ordinal++)
        {
            var media = message.Media[ordinal];
            var stored = media.Stored;
            if (stored is not null)
            {
                // The path is derived from the hash here, whatever the record says: nothing else may choose it.
                var relative = MediaStore.IsSha256(stored.Sha256) ? MediaStore.RelativePathOf(stored.Sha256) : stored.RelativePath;
                Set(_insertMedia, stored.Sha256, stored.Size, stored.Mime ?? media.Mime, relative, now);
                if (_insertMedia.ExecuteNonQuery() > 0)
                {
                    mediaStored++;
                }
            }

            Set(_upsertLink, peerId, message.MessageId, ordinal, media.Kind, stored?.Sha256,
                stored is null ? media.MissingReason ?? "not stored" : null, FileNameSanitizer.Sanitize(media.OriginalName),
                media.Mime ?? stored?.Mime, media.Size ?? stored?.Size, media.Width, media.Height, media.DurationSeconds,
                media.TelegramFileId, media.TelegramAccessHash, media.TelegramDcId, media.ExtraJson);
            changed |= _upsertLink.ExecuteNonQuery() > 0;
        }

        return changed;
    }

    private void WriteSyncState(long peerId, SyncStateUpdate update, long? lowest, long? highest, long now,
        SqliteTransaction transaction)
    {
        using var command = Command("""
            INSERT INTO sync_state (peer_id, account_id, lowest_message_id, highest_message_id, last_run_id, last_synced_at, status)
            VALUES ($peer, $account, $low, $high, $run, $now, $status)
            ON CONFLICT (peer_id) DO UPDATE SET
                account_id = coalesce(excluded.account_id, account_id),
                lowest_message_id = CASE WHEN excluded.lowest_message_id IS NULL THEN lowest_message_id
                                         WHEN lowest_message_id IS NULL THEN excluded.lowest_message_id
                                         ELSE min(lowest_message_id, excluded.lowest_message_id) END,
                highest_message_id = CASE WHEN excluded.highest_message_id IS NULL THEN highest_message_id
                                          WHEN highest_message_id IS NULL THEN excluded.highest_message_id
                                          ELSE max(highest_message_id, excluded.highest_message_id) END,
                last_run_id = coalesce(excluded.last_run_id, last_run_id),
                last_synced_at = excluded.last_synced_at,
                status = excluded.status
            """, "$peer", "$account", "$low", "$high", "$run", "$now", "$status");
        command.Transaction = transaction;
        Set(command, peerId, update.AccountId, lowest, highest, RunId, now, StorageText.Of(update.Status));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// One IMMEDIATE transaction around <paramref name="work"/>, committed when it returns and abandoned (never
    /// hiding the error) when it throws; run through the guard, so it may run again after waiting for a lock.
    /// </summary>
    private T InTransaction<T>(Func<SqliteTransaction, T> work) => _guard.Run(() =>
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        try
        {
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
        catch
        {
            SqliteGuard.Abandon(transaction);
            throw;
        }
    });

    private void InTransaction(Action<SqliteTransaction> work) => InTransaction(transaction =>
    {
        work(transaction);
        return true;
    });

    private void RequirePeer(long peerId, SqliteTransaction transaction)
    {
        using var command = Command("SELECT 1 FROM peers WHERE peer_id = $id", "$id");
        command.Transaction = transaction;
        Set(command, peerId);
        if (command.ExecuteScalar() is null)
        {
            throw new SpectraException("PeerNotInArchive", SpectraErrorCategory.ObjectNotFound,
                FormattableString.Invariant($"Peer {peerId} is not in the archive, so its messages cannot be written."),
                "Record the peer (UpsertPeer) before writing its messages.", new ErrorLocation(_database.Path));
        }
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
