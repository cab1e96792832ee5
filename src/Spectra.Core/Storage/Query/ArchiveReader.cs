using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Spectra.Core.Errors;
using Spectra.Core.Storage.Migrations;
using Spectra.Core.Storage.Model;
using SQLitePCL;

namespace Spectra.Core.Storage.Query;

/// <summary>
/// Read-only queries over an archive. Every query streams: rows are materialized one at a time from the data
/// reader, so memory stays flat however large the archive; callers must finish (or dispose) one enumeration before
/// starting the next on the same reader. Opening never writes the database file, and each query reads one consistent
/// snapshot even while a writer commits and checkpoints (see <see cref="SqliteConnections.OpenForInspection"/>).
/// </summary>
public sealed class ArchiveReader : IDisposable
{
    private const string MessageSelect = """
        m.peer_id, m.message_id, m.date, m.kind, m.edit_date, m.sender_id,
        coalesce(m.sender_name, sp.title, sp.username), m.text, m.reply_to_message_id, m.topic_id,
        coalesce(m.fwd_from_name, fp.title, fp.username), m.views, m.forwards, m.service_action, m.deleted, p.title,
        (SELECT json_group_array(json_array(mm.kind, mm.original_name, coalesce(mm.mime, md.mime), coalesce(md.size, mm.size),
                                            mm.sha256, md.stored_path, mm.missing_reason) ORDER BY mm.ordinal)
           FROM message_media mm LEFT JOIN media md ON md.sha256 = mm.sha256
          WHERE mm.peer_id = m.peer_id AND mm.message_id = m.message_id)
        """;

    private const string MessageJoins = """
        JOIN peers p ON p.peer_id = m.peer_id
        LEFT JOIN peers sp ON sp.peer_id = m.sender_id
        LEFT JOIN peers fp ON fp.peer_id = m.fwd_from_id
        """;

    private const int MessageColumnCount = 17;

    private readonly SqliteConnection _connection;
    private readonly object _gate = new();
    private bool _disposed;

    private ArchiveReader(string path, SqliteConnection connection, string mediaDirectory, int schemaVersion)
    {
        Path = path;
        SchemaVersion = schemaVersion;
        _connection = connection;
        Media = new MediaStore(mediaDirectory);
    }

    public string Path { get; }

    public string MediaDirectory => Media.RootDirectory;

    /// <summary>The media store beside the archive, for reading stored files (the exporter copies them out).</summary>
    public MediaStore Media { get; }

    /// <summary>
    /// The read-only connection, for engine code that reads the archive with queries of its own (the exporter), so
    /// that everything reading an archive opens it one way.
    /// </summary>
    internal SqliteConnection Connection => _connection;

    /// <summary>
    /// The oldest schema every read here understands (the export reads the chat type of version 4). Readers open
    /// archives read-only and so cannot upgrade them; a schema step that reads need not wait for (version 5's run
    /// owners) leaves this as it is, so archives a previous Spectra wrote stay readable.
    /// </summary>
    public const int MinimumReadableVersion = 4;

    /// <summary>The archive's schema version (from <see cref="MinimumReadableVersion"/> to the latest).</summary>
    public int SchemaVersion { get; }

    /// <summary>Opens an existing archive for reading; refuses missing files, foreign files and newer schemas.</summary>
    public static ArchiveReader Open(string path, string? mediaDirectory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw StorageErrors.NotFound(fullPath);
        }

        SqliteConnection? connection = null;
        try
        {
            connection = SqliteConnections.OpenForInspection(fullPath, TimeSpan.FromSeconds(30));
            SqliteConnections.Execute(connection, "PRAGMA query_only = ON");
            var version = SchemaMigrator.ReadVersion(connection);
            SchemaMigrator.CheckOpenable(connection, fullPath, version);
            if (version == 0)
            {
                throw StorageErrors.NotSpectra(fullPath, "it has no Spectra schema");
            }

            if (version < MinimumReadableVersion)
            {
                throw new SpectraException("DatabaseNeedsUpgrade", SpectraErrorCategory.InvalidOperation,
                    FormattableString.Invariant($"The archive is at schema version {version}; reading needs version {MinimumReadableVersion}."),
                    "Run Optimize-SpectraDatabase (or any archiving command) once to upgrade it.", new ErrorLocation(fullPath));
            }

            return new ArchiveReader(fullPath, connection, ArchiveDatabase.MediaDirectoryFor(fullPath, mediaDirectory), version);
        }
        catch (SqliteException ex)
        {
            connection?.Dispose();
            throw ex.SqliteErrorCode switch
            {
                26 => StorageErrors.NotSpectra(fullPath, "it is not a SQLite database"),
                11 => StorageErrors.Damaged(fullPath, ex), // the header is fine, the schema pages are not
                _ => StorageErrors.OpenFailed(fullPath, ex),
            };
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Finds a channel by marked id, bare Telegram id, @username or exact title. Throws ChannelNotFound or
    /// AmbiguousChannel (with the candidates) instead of guessing. A number that is no peer's id is tried as a name
    /// (a chat may be called "2024"); titles that differ only in case are told apart by the exact one.
    /// </summary>
    public long ResolveChannel(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var text = channel.Trim();
        List<(long Id, string Name)> matches;
        try
        {
            matches = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
                ? PeersById(id) : [];
            if (matches.Count == 0)
            {
                matches = PeersByName(text);
            }
        }
        catch (SqliteException ex)
        {
            throw StorageErrors.ReadFailed(Path, ex);
        }

        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new SpectraException("ChannelNotFound", SpectraErrorCategory.ObjectNotFound,
                $"No archived channel, group or user matches '{text}'.",
                "Get-SpectraChannel lists what the archive holds; pass its PeerId, @username or exact title.",
                new ErrorLocation(Path, Field: "Channel")),
            _ => throw new SpectraException("AmbiguousChannel", SpectraErrorCategory.InvalidArgument,
                $"'{text}' matches several peers: " + string.Join(", ", matches.Select(m => FormattableString.Invariant($"{m.Name} ({m.Id})"))) + ".",
                "Pass the PeerId shown by Get-SpectraChannel instead.", new ErrorLocation(Path, Field: "Channel")),
        };
    }

    private List<(long Id, string Name)> PeersById(long id) => ReadPeers("""
        SELECT peer_id, coalesce(title, username, peer_id) FROM peers WHERE peer_id = $id
        UNION ALL
        SELECT peer_id, coalesce(title, username, peer_id) FROM peers WHERE telegram_id = $id AND peer_id <> $id
            AND NOT EXISTS (SELECT 1 FROM peers WHERE peer_id = $id)
        """, ("$id", id));

    /// <summary>
    /// The peers whose @username (with or without the @) or else title is <paramref name="text"/>, ignoring case.
    /// Titles are compared here, not in SQL, whose NOCASE folds only ASCII letters ("дневник" missed "Дневник");
    /// when several differ only in case, the exact one is meant.
    /// </summary>
    private List<(long Id, string Name)> PeersByName(string text)
    {
        var byUsername = ReadPeers("SELECT peer_id, coalesce(title, username) FROM peers WHERE username = $name COLLATE NOCASE",
            ("$name", text.TrimStart('@')));
        if (byUsername.Count > 0)
        {
            return byUsername;
        }

        var byTitle = ReadPeers("SELECT peer_id, title FROM peers WHERE title IS NOT NULL")
            .Where(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
        var exact = byTitle.Where(p => string.Equals(p.Name, text, StringComparison.Ordinal)).ToList();
        return exact.Count > 0 ? exact : byTitle;
    }

    private List<(long Id, string Name)> ReadPeers(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var peers = new List<(long Id, string Name)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            peers.Add((reader.GetInt64(0), reader.GetValue(1).ToString() ?? string.Empty));
        }

        return peers;
    }

    /// <summary>
    /// Archived channels (peers with messages or a sync state), ordered by title. Like every query here, a SQLite
    /// error while reading is DatabaseDamaged or DatabaseReadFailed (<see cref="StorageErrors.ReadFailed"/>).
    /// </summary>
    public IEnumerable<ChannelSummary> GetChannels(long? peerId = null) => StorageErrors.MapReadErrors(ReadChannels(peerId), Path);

    private IEnumerable<ChannelSummary> ReadChannels(long? peerId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT p.peer_id, p.type, p.telegram_id, p.username, p.title,
                (SELECT count(*) FROM messages m WHERE m.peer_id = p.peer_id),
                (SELECT min(date) FROM messages m WHERE m.peer_id = p.peer_id),
                (SELECT max(date) FROM messages m WHERE m.peer_id = p.peer_id),
                (SELECT count(*) FROM message_media mm WHERE mm.peer_id = p.peer_id),
                (SELECT count(DISTINCT mm.sha256) FROM message_media mm WHERE mm.peer_id = p.peer_id AND mm.sha256 IS NOT NULL),
                (SELECT total(md.size) FROM media md WHERE md.sha256 IN
                    (SELECT mm.sha256 FROM message_media mm WHERE mm.peer_id = p.peer_id AND mm.sha256 IS NOT NULL)),
                s.status, s.highest_message_id, s.last_synced_at
            FROM peers p LEFT JOIN sync_state s ON s.peer_id = p.peer_id
            WHERE (s.peer_id IS NOT NULL OR EXISTS (SELECT 1 FROM messages m WHERE m.peer_id = p.peer_id))
              AND ($peer IS NULL OR p.peer_id = $peer)
            ORDER BY p.title COLLATE NOCASE, p.peer_id
            """;
        command.Parameters.AddWithValue("$peer", (object?)peerId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new ChannelSummary(reader.GetInt64(0), StorageText.PeerTypeOf(reader.GetString(1)), reader.GetInt64(2),
                NullableString(reader, 3), NullableString(reader, 4))
            {
                MessageCount = reader.GetInt64(5),
                FirstDate = NullableDate(reader, 6),
                LastDate = NullableDate(reader, 7),
                MediaCount = reader.GetInt64(8),
                MediaFiles = reader.GetInt64(9),
                MediaBytes = (long)reader.GetDouble(10),
                SyncStatus = reader.IsDBNull(11) ? null : Enum.Parse<SyncStatus>(reader.GetString(11), ignoreCase: true),
                HighestMessageId = reader.IsDBNull(12) ? null : reader.GetInt64(12),
                LastSynced = NullableDate(reader, 13),
            };
        }
    }

    /// <summary>Messages matching <paramref name="query"/>, in (channel, message id) order.</summary>
    public IEnumerable<MessageView> GetMessages(MessageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return StorageErrors.MapReadErrors(ReadMessages(query), Path);
    }

    private IEnumerable<MessageView> ReadMessages(MessageQuery query)
    {
        using var command = _connection.CreateCommand();
        var where = new List<string>();
        if (query.ChannelId is { } channel)
        {
            where.Add("m.peer_id = $peer");
            command.Parameters.AddWithValue("$peer", channel);
        }

        if (query.Ids is { Count: > 0 } ids)
        {
            where.Add("m.message_id IN (SELECT value FROM json_each($ids))");
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        }

        AddDateRange(command, where, query.After, query.Before);
        if (!string.IsNullOrWhiteSpace(query.Sender))
        {
            var sender = query.Sender.Trim();
            if (long.TryParse(sender, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var senderId))
            {
                where.Add("m.sender_id = $sender");
                command.Parameters.AddWithValue("$sender", senderId);
            }
            else if (sender.StartsWith('@'))
            {
                where.Add("sp.username = $sender COLLATE NOCASE");
                command.Parameters.AddWithValue("$sender", sender[1..]);
            }
            else
            {
                // SQLite's LIKE ignores the case of ASCII letters only: 'иван*' missed "Иван Петров".
                var pattern = WildcardRegex(sender);
                _connection.CreateFunction("spectra_sender_matches", (string? name) => name is not null && pattern.IsMatch(name),
                    isDeterministic: true);
                where.Add("spectra_sender_matches(coalesce(m.sender_name, sp.title, sp.username))");
            }
        }

        if (query.HasMedia is { } hasMedia)
        {
            where.Add((hasMedia ? "" : "NOT ") + "EXISTS (SELECT 1 FROM message_media mm WHERE mm.peer_id = m.peer_id AND mm.message_id = m.message_id)");
        }

        command.CommandText = $"""
            SELECT {MessageSelect}
            FROM messages m {MessageJoins}
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY m.peer_id, m.message_id
            {(query.First is { } first ? "LIMIT " + first.ToString(CultureInfo.InvariantCulture) : "")}
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadMessage(reader, 0);
        }
    }

    /// <summary>
    /// Full-text search, best first. Bad FTS5 syntax throws InvalidSearchQuery (before anything is returned).
    /// </summary>
    public IEnumerable<SearchHit> Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return StorageErrors.MapReadErrors(ReadSearch(query), Path);
    }

    private IEnumerable<SearchHit> ReadSearch(SearchQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            throw InvalidSearch(query.Text, "the query is empty");
        }

        using var command = _connection.CreateCommand();
        var where = new List<string> { "messages_fts MATCH $query" };
        command.Parameters.AddWithValue("$query", query.Text);
        command.Parameters.AddWithValue("$hs", query.HighlightStart);
        command.Parameters.AddWithValue("$he", query.HighlightEnd);
        command.Parameters.AddWithValue("$tokens", Math.Clamp(query.SnippetTokens, 1, 64));
        if (query.ChannelId is { } channel)
        {
            where.Add("m.peer_id = $peer");
            command.Parameters.AddWithValue("$peer", channel);
        }

        AddDateRange(command, where, query.After, query.Before);
        command.CommandText = $"""
            SELECT {MessageSelect}, rank, snippet(messages_fts, 0, $hs, $he, '…', $tokens)
            FROM messages_fts JOIN messages m ON m.row_id = messages_fts.rowid {MessageJoins}
            WHERE {string.Join(" AND ", where)}
            ORDER BY rank
            {(query.First is { } first ? "LIMIT " + first.ToString(CultureInfo.InvariantCulture) : "")}
            """;

        SqliteDataReader reader;
        bool hasRow;
        try
        {
            reader = command.ExecuteReader();
            hasRow = reader.Read();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            throw InvalidSearch(query.Text, ex.Message);
        }

        using (reader)
        {
            var rank = 0;
            while (hasRow)
            {
                var hit = new SearchHit(++rank, -reader.GetDouble(MessageColumnCount), ReadMessage(reader, 0),
                    reader.IsDBNull(MessageColumnCount + 1) ? string.Empty : reader.GetString(MessageColumnCount + 1));
                yield return hit;
                hasRow = reader.Read();
            }
        }
    }

    /// <summary>
    /// Stops the statement running on this reader now; safe from another thread (a cmdlet's StopProcessing). Rows are
    /// only checked for a Stop between them, and SQLite can work for seconds before the first one (a search that
    /// ranks every hit of a common word): the enumeration then throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public void Interrupt()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                raw.sqlite3_interrupt(_connection.Handle);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _connection.Dispose();
        }
    }

    private SpectraException InvalidSearch(string text, string reason) => new(
        "InvalidSearchQuery", SpectraErrorCategory.InvalidArgument,
        $"The search query is not valid FTS5 syntax: {SqliteReason(reason)}.",
        "Put phrases in double quotes (\"exact phrase\"), write AND, OR, NOT in capitals, use * only at the end of a word (arch*), and balance parentheses. A word with a leading - or a colon (-x, x:y) is read as a column filter: put it in double quotes (\"-x\").",
        new ErrorLocation(null, Field: "Query: " + text));

    /// <summary>"SQLite Error 1: 'fts5: syntax error near "AND"'." as "syntax error near "AND"".</summary>
    private static string SqliteReason(string message)
    {
        var reason = message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal).Trim().TrimEnd('.');
        if (reason.Length >= 2 && reason[0] == '\'' && reason[^1] == '\'')
        {
            reason = reason[1..^1];
        }

        return reason.StartsWith("fts5: ", StringComparison.Ordinal) ? reason["fts5: ".Length..] : reason;
    }

    private static void AddDateRange(SqliteCommand command, List<string> where, DateTimeOffset? after, DateTimeOffset? before)
    {
        if (after is { } a)
        {
            where.Add("m.date >= $after");
            command.Parameters.AddWithValue("$after", StorageText.UnixCeiling(a));
        }

        if (before is { } b)
        {
            where.Add("m.date < $before");
            command.Parameters.AddWithValue("$before", StorageText.UnixCeiling(b));
        }
    }

    /// <summary>
    /// A name pattern with wildcards * and ? (every other character literal), matched whole and ignoring case. ? is one
    /// character as LIKE counted it, so an emoji (two UTF-16 units) is one too.
    /// </summary>
    private static Regex WildcardRegex(string wildcard) => new(
        "^" + Regex.Escape(wildcard).Replace("\\*", ".*", StringComparison.Ordinal)
            .Replace("\\?", "(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|.)", StringComparison.Ordinal) + "\\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);

    private MessageView ReadMessage(SqliteDataReader reader, int at) =>
        new(reader.GetInt64(at), reader.GetInt64(at + 1), StorageText.FromUnix(reader.GetInt64(at + 2)))
        {
            Kind = reader.GetString(at + 3) switch
            {
                "service" => MessageKind.Service,
                "unsupported" => MessageKind.Unsupported,
                _ => MessageKind.Message,
            },
            EditDate = NullableDate(reader, at + 4),
            SenderId = reader.IsDBNull(at + 5) ? null : reader.GetInt64(at + 5),
            Sender = NullableString(reader, at + 6),
            Text = NullableString(reader, at + 7),
            ReplyToMessageId = reader.IsDBNull(at + 8) ? null : reader.GetInt64(at + 8),
            TopicId = reader.IsDBNull(at + 9) ? null : reader.GetInt64(at + 9),
            ForwardedFrom = NullableString(reader, at + 10),
            Views = reader.IsDBNull(at + 11) ? null : reader.GetInt32(at + 11),
            Forwards = reader.IsDBNull(at + 12) ? null : reader.GetInt32(at + 12),
            ServiceAction = NullableString(reader, at + 13),
            IsDeleted = reader.GetInt64(at + 14) != 0,
            ChannelTitle = NullableString(reader, at + 15),
            Media = ReadMedia(NullableString(reader, at + 16)),
        };

    /// <summary>The reason given for an attachment whose stored file is not in the media folder.</summary>
    public const string StoredFileGone =
        "The stored file is not in the media folder (deleted or moved, or storage.media_dir points elsewhere); Test-SpectraDatabase lists such files.";

    private List<MessageMediaView> ReadMedia(string? json)
    {
        var result = new List<MessageMediaView>();
        if (string.IsNullOrEmpty(json) || json == "[]")
        {
            return result;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            string? Text(int i) => item[i].ValueKind == JsonValueKind.String ? item[i].GetString() : null;
            var storedPath = Text(5);
            var fullPath = storedPath is null ? null : System.IO.Path.Combine(MediaDirectory, storedPath);
            // Recorded as stored but not on disk (deleted, moved, another storage.media_dir): a Path to nothing would
            // look like a file to open, so it is shown as missing instead.
            var gone = fullPath is not null && !File.Exists(fullPath);
            result.Add(new MessageMediaView(Text(0) ?? "unknown")
            {
                FileName = Text(1),
                Mime = Text(2),
                Size = item[3].ValueKind == JsonValueKind.Number ? item[3].GetInt64() : null,
                Sha256 = Text(4),
                FullPath = gone ? null : fullPath,
                MissingReason = gone ? StoredFileGone : Text(6),
            });
        }

        return result;
    }

    /// <summary>Recorded runs matching <paramref name="query"/>, newest first.</summary>
    public IEnumerable<RunView> GetRuns(RunQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return StorageErrors.MapReadErrors(ArchiveRuns.Read(_connection, null, SchemaVersion, query), Path);
    }

    private static string? NullableString(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static DateTimeOffset? NullableDate(SqliteDataReader reader, int i) =>
        reader.IsDBNull(i) ? null : StorageText.FromUnix(reader.GetInt64(i));
}
