using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Spectra.Core.Hosting;
using Spectra.Core.Storage.Migrations;
using Spectra.Core.Storage.Query;

namespace Spectra.Core.Storage.Integrity;

/// <summary>
/// Examines an archive without changing it: the file is opened read-only, under the WAL locks so that a writer
/// committing meanwhile cannot show a check torn pages (see <see cref="SqliteConnections.OpenForInspection"/>), and
/// the only scratch work goes to a connection's TEMP schema (memory, or an unnamed temporary file). Results come one
/// check at a time so a caller can show them as they come. A file that is missing, unreadable or not a database
/// yields a Fail, never an exception.
/// </summary>
public sealed class IntegrityChecker
{
    private const int ProgressId = 7301;

    /// <summary>The fix for every finding that only the search index is wrong: it is rebuilt from the messages.</summary>
    private const string RebuildSearchIndexFix = "Run Optimize-SpectraDatabase -RebuildSearchIndex to rebuild the index from the messages.";

    /// <summary>SQLITE_CORRUPT: what FTS5's integrity-check reports (as SQLITE_CORRUPT_VTAB) when index and text differ.</summary>
    private const int SqliteCorrupt = 11;

    private readonly string _path;
    private readonly IntegrityCheckOptions _options;
    private readonly IHostMessageSink? _sink;

    public IntegrityChecker(string path, IntegrityCheckOptions? options = null, IHostMessageSink? sink = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
        _options = options ?? new IntegrityCheckOptions();
        _sink = sink;
    }

    /// <summary>Runs every check in order; stops early only when there is no database to look at.</summary>
    public IEnumerable<IntegrityCheckResult> Run(CancellationToken cancellationToken = default)
    {
        var file = CheckFile();
        yield return file;
        if (file.Status == CheckStatus.Fail)
        {
            yield break;
        }

        SqliteConnection? connection = null;
        IntegrityCheckResult? openFailure = null;
        try
        {
            connection = SqliteConnections.OpenForInspection(_path, TimeSpan.FromSeconds(30));
        }
        catch (SqliteException ex)
        {
            openFailure = IntegrityCheckResult.Fail("Open", "The database cannot be opened read-only: " + ex.Message,
                "Check the file's permissions; if it is damaged, restore it from a backup (Backup-SpectraDatabase).");
        }

        if (openFailure is not null)
        {
            yield return openFailure;
            yield break;
        }

        // The two long checks need nothing from the others and run on read-only connections of their own, on the
        // thread pool: SQLite's page check and, with -Deep, the search index's content check. This connection runs
        // the rest, short, one after another. With fewer than three cores it waits until one long check is done:
        // three busy threads on two cores made the longest check finish last and later (the 1M-message archive's
        // -Deep took 4.3 s that way, 3.8 s this way). Results are held until the checks before them in the order are
        // done. If the run stops early (cancellation), a check already started finishes on its own and disposes its
        // connection. A check that needs the schema is only shown if the schema turned out usable.
        var pages = StartOnOwnConnection(_options.Deep ? "IntegrityCheck" : "QuickCheck", CheckPages);
        var content = _options.Deep ? StartOnOwnConnection("FullTextContent", CheckFullTextContent) : null;
        using (connection)
        {
            if (content is not null && Environment.ProcessorCount < 3)
            {
                Report("IntegrityCheck", 0);
                Task.WaitAny([pages, content], cancellationToken);
            }

            var steps = new List<Step>
            {
                new("SchemaVersion", (c, _) => [CheckVersion(c)]),
                new(_options.Deep ? "IntegrityCheck" : "QuickCheck", Elsewhere: pages),
                new("ForeignKeys", (c, _) => [CheckForeignKeys(c)]),
                new("Schema", (c, _) => [CheckSchema(c)]),
                new("FullTextIndex", (c, _) => [CheckFullTextIndex(c)]),
            };
            if (content is not null)
            {
                steps.Add(new("FullTextContent", Elsewhere: content));
            }

            steps.Add(new("OrphanedRows", (c, _) => [CheckOrphans(c)]));
            steps.Add(new("MediaFiles", (c, ct) => CheckMediaFiles(c, ct)));
            if (_options.Deep)
            {
                steps.Add(new("MediaHashes", (c, ct) => [CheckMediaHashes(c, ct)]));
            }

            steps.Add(new("WalSize", (_, _) => [CheckWal()]));
            steps.Add(new("FreePages", (c, _) => [CheckFreePages(c)]));
            steps.Add(new("Statistics", (c, _) => [CheckStatistics(c)]));
            steps.Add(new("Runs", (c, _) => [CheckRuns(c)]));

            var results = new IReadOnlyList<IntegrityCheckResult>?[steps.Count];
            var schemaUsable = true;
            for (var i = 0; i < steps.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var step = steps[i];
                if (step.Run is null || (step.NeedsSchema && !schemaUsable))
                {
                    continue;
                }

                Report(step.Name, i * 50 / steps.Count);
                results[i] = Guard(step.Name, () => step.Run(connection!, cancellationToken).ToList());
                schemaUsable &= step.Name != "SchemaVersion" || results[i]!.All(r => r.Status != CheckStatus.Fail);
            }

            for (var i = 0; i < steps.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var step = steps[i];
                if (step.NeedsSchema && !schemaUsable)
                {
                    continue;
                }

                if (step.Elsewhere is not null)
                {
                    Report(step.Name, 50 + (i * 50 / steps.Count));
                }

                foreach (var result in results[i] ?? step.Elsewhere?.GetAwaiter().GetResult() ?? [])
                {
                    _sink?.Log(HostLogLevel.Verbose, $"Check {result.Check} of {_path}: {result.Status}. {result.Message}");
                    yield return result;
                }
            }

            _sink?.Progress(new ProgressInfo(ProgressId, "Checking archive", "Done", 100, Completed: true));
        }
    }

    /// <summary>One check: run here on the inspection connection, or already running <paramref name="Elsewhere"/>.</summary>
    private sealed record Step(string Name,
        Func<SqliteConnection, CancellationToken, IEnumerable<IntegrityCheckResult>>? Run = null,
        Task<IReadOnlyList<IntegrityCheckResult>>? Elsewhere = null)
    {
        public bool NeedsSchema => Name is not ("SchemaVersion" or "QuickCheck" or "IntegrityCheck" or "WalSize" or "FreePages");
    }

    /// <summary>Runs one check on a connection of its own, on the thread pool; SQLite errors become its Fail result.</summary>
    private Task<IReadOnlyList<IntegrityCheckResult>> StartOnOwnConnection(string name, Func<SqliteConnection, IntegrityCheckResult> check) =>
        Task.Run(() =>
        {
            SqliteConnection? own = null;
            try
            {
                return Guard(name, () =>
                {
                    own = SqliteConnections.OpenForInspection(_path, TimeSpan.FromSeconds(30));
                    return [check(own)];
                });
            }
            finally
            {
                own?.Dispose();
            }
        });

    private void Report(string check, int percent) =>
        _sink?.Progress(new ProgressInfo(ProgressId, "Checking archive", check, percent));

    private static IReadOnlyList<IntegrityCheckResult> Guard(string name, Func<IReadOnlyList<IntegrityCheckResult>> run)
    {
        try
        {
            return run();
        }
        catch (SqliteException ex)
        {
            return [IntegrityCheckResult.Fail(name, "The check could not run: " + ex.Message,
                "The database is damaged or not a complete Spectra archive; restore it from a backup.")];
        }
    }

    private IntegrityCheckResult CheckFile()
    {
        const string check = "File";
        try
        {
            if (Directory.Exists(_path))
            {
                return IntegrityCheckResult.Fail(check, _path + " is a folder, not an archive file.",
                    "Give the path of the archive's .db file (Get-ChildItem <folder> -Filter *.db | Test-SpectraDatabase checks each).");
            }

            if (!File.Exists(_path))
            {
                return IntegrityCheckResult.Fail(check, "No file exists at " + _path + ".", "Check the path passed to -Path.");
            }

            Span<byte> header = stackalloc byte[16];
            using (var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                if (stream.Length == 0)
                {
                    // What a crash before the first write, a failed copy or a truncating tool leaves behind.
                    return IntegrityCheckResult.Fail(check, "The file is empty (0 bytes): it holds no archive.",
                        "Point -Path at a Spectra archive; if this was one, restore it from a backup.");
                }

                if (stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) < 16
                    || !header.SequenceEqual("SQLite format 3\0"u8))
                {
                    return IntegrityCheckResult.Fail(check, "The file is not a SQLite database (wrong header).",
                        "Point -Path at a Spectra archive; if this was one, restore it from a backup.");
                }
            }

            return IntegrityCheckResult.Pass(check, FormattableString.Invariant($"SQLite database, {new FileInfo(_path).Length:N0} bytes."));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return IntegrityCheckResult.Fail(check, "The file cannot be read: " + ex.Message,
                "Check the file's permissions and that no other program holds it exclusively.");
        }
    }

    private static IntegrityCheckResult CheckVersion(SqliteConnection connection)
    {
        const string check = "SchemaVersion";
        var version = SqliteConnections.Scalar<long>(connection, "PRAGMA user_version");
        var applicationId = SqliteConnections.Scalar<long>(connection, "PRAGMA application_id");
        var latest = SchemaMigrations.LatestVersion;
        if (applicationId != SchemaMigrations.ApplicationId || version == 0)
        {
            return IntegrityCheckResult.Fail(check,
                FormattableString.Invariant($"Not a Spectra archive (application id 0x{applicationId:X8}, schema version {version})."),
                "Point -Path at a Spectra archive.");
        }

        if (version > latest)
        {
            return IntegrityCheckResult.Fail(check,
                FormattableString.Invariant($"Schema version {version} is newer than this Spectra understands ({latest})."),
                "Update Spectra to check this archive.");
        }

        return version < latest
            ? IntegrityCheckResult.Warn(check, FormattableString.Invariant($"Schema version {version}; current is {latest}."),
                "Open the archive with any writing command (or Optimize-SpectraDatabase) to upgrade it.")
            : IntegrityCheckResult.Pass(check, FormattableString.Invariant($"Schema version {version} (current)."));
    }

    private IntegrityCheckResult CheckPages(SqliteConnection connection)
    {
        var check = _options.Deep ? "IntegrityCheck" : "QuickCheck";
        if (_options.Deep)
        {
            SkipSearchIndexWalk(connection);
        }

        using var command = connection.CreateCommand();
        command.CommandText = _options.Deep ? "PRAGMA integrity_check(20)" : "PRAGMA quick_check(20)";
        command.CommandTimeout = 0;
        var problems = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                problems.Add(reader.GetString(0));
            }
        }

        if (problems is ["ok"])
        {
            return IntegrityCheckResult.Pass(check, _options.Deep ? "integrity_check: ok." : "quick_check: ok.");
        }

        // FTS5 reports what it finds inside its index as lines naming itself. If that is all there is, every table
        // is sound and the index can be rebuilt from the messages; anything else needs the backup.
        return problems.All(p => p.Contains("fts5", StringComparison.OrdinalIgnoreCase))
            ? IntegrityCheckResult.Fail(check, "SQLite found the search index damaged (the messages are sound): " + string.Join("; ", problems.Take(5)),
                RebuildSearchIndexFix)
            : IntegrityCheckResult.Fail(check, "SQLite found damage: " + string.Join("; ", problems.Take(5)),
                "Restore the archive from a backup; or copy out what is readable with the sqlite3 '.recover' command.");
    }

    /// <summary>
    /// Takes the FTS5 module off this connection, so that integrity_check checks the search index's tables page by
    /// page but skips walking the index's contents (SQLite skips a virtual table whose module is not registered).
    /// Only for -Deep: FullTextContent then runs FTS5's own check with the content comparison on a copy of the index,
    /// which includes that walk; doing it twice was 1.7 of the 3.7 CPU-seconds of integrity_check on a million
    /// messages. The quick check keeps the walk: without -Deep nothing else looks inside the index. If the function
    /// cannot be bound (another SQLite build), the page check simply does both.
    /// </summary>
    private static void SkipSearchIndexWalk(SqliteConnection connection)
    {
        try
        {
            Interop.Sqlite3.DropModules(connection.Handle!.DangerousGetHandle(), 0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Slower, same verdict: the page check walks the index as well.
        }
    }

    private static IntegrityCheckResult CheckForeignKeys(SqliteConnection connection)
    {
        const string check = "ForeignKeys";
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check";
        command.CommandTimeout = 0;
        var count = 0;
        var examples = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                count++;
                if (examples.Count < 3)
                {
                    examples.Add(FormattableString.Invariant(
                        $"{reader.GetString(0)} row {(reader.IsDBNull(1) ? "?" : reader.GetInt64(1).ToString(CultureInfo.InvariantCulture))} -> {reader.GetString(2)}"));
                }
            }
        }

        return count == 0
            ? IntegrityCheckResult.Pass(check, "Every reference points at an existing row.")
            : IntegrityCheckResult.Fail(check,
                FormattableString.Invariant($"{count} row(s) reference rows that do not exist, e.g. {string.Join(", ", examples)}."),
                "Something wrote to the archive with foreign keys off; restore from a backup or delete the dangling rows.");
    }

    private static IntegrityCheckResult CheckSchema(SqliteConnection connection)
    {
        const string check = "Schema";
        var actual = ReferenceSchema.Read(connection);
        // SchemaVersion has passed or warned by now, so the version is one the migrations know.
        var version = SqliteConnections.Scalar<int>(connection, "PRAGMA user_version");
        var expected = ReferenceSchema.For(version);
        var missing = expected.Keys.Where(k => !actual.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var altered = expected.Keys.Where(k => actual.TryGetValue(k, out var a) && a != expected[k]).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || altered.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add("missing: " + string.Join(", ", missing.Select(n => $"{expected[n].Type} {n}")));
            }

            if (altered.Count > 0)
            {
                parts.Add("different from expected: " + string.Join(", ", altered.Select(n => $"{expected[n].Type} {n}")));
            }

            return IntegrityCheckResult.Fail(check, string.Join("; ", parts) + ".",
                "The schema was changed outside Spectra; restore from a backup, or recreate the named objects from a fresh archive.");
        }

        return extra.Count > 0
            ? IntegrityCheckResult.Warn(check, "Objects Spectra does not know: " + string.Join(", ", extra.Select(n => $"{actual[n].Type} {n}")) + ".",
                "Harmless if you added them on purpose; otherwise drop them.")
            : IntegrityCheckResult.Pass(check, version == SchemaMigrations.LatestVersion
                ? FormattableString.Invariant($"All {expected.Count} tables, indexes and triggers as expected.")
                : FormattableString.Invariant($"All {expected.Count} tables, indexes and triggers as expected for schema version {version}."));
    }

    private static IntegrityCheckResult CheckFullTextIndex(SqliteConnection connection)
    {
        const string check = "FullTextIndex";
        // Every message with text has exactly one FTS document and every FTS document has its message: compared on
        // the index's per-document table, read-only and without tokenizing. Both lists come in rowid order and are
        // merged in one pass each (looking each row up in the other table cost twice as much on a million messages).
        using var messages = connection.CreateCommand();
        messages.CommandText = "SELECT row_id FROM messages WHERE text IS NOT NULL ORDER BY row_id";
        messages.CommandTimeout = 0;
        using var documents = connection.CreateCommand();
        documents.CommandText = "SELECT id FROM messages_fts_docsize ORDER BY id";
        documents.CommandTimeout = 0;
        using var m = messages.ExecuteReader();
        using var d = documents.ExecuteReader();
        long unindexed = 0, ghosts = 0;
        var hasM = m.Read();
        var hasD = d.Read();
        while (hasM || hasD)
        {
            var order = !hasM ? 1 : !hasD ? -1 : m.GetInt64(0).CompareTo(d.GetInt64(0));
            if (order <= 0)
            {
                unindexed += order < 0 ? 1 : 0;
                hasM = m.Read();
            }

            if (order >= 0)
            {
                ghosts += order > 0 ? 1 : 0;
                hasD = d.Read();
            }
        }

        return unindexed == 0 && ghosts == 0
            ? IntegrityCheckResult.Pass(check, "The search index covers exactly the messages with text.")
            : IntegrityCheckResult.Fail(check,
                FormattableString.Invariant($"The search index is out of step: {unindexed} message(s) not indexed, {ghosts} index entr(ies) without a message."),
                RebuildSearchIndexFix);
    }

    private IntegrityCheckResult CheckFullTextContent(SqliteConnection connection)
    {
        const string check = "FullTextContent";
        // FTS5's own 'integrity-check' with rank 1 re-tokenizes every document of the content table and compares
        // each (term, message, position) with the index, and walks the index's structure on the way. Run on the
        // archive's index it would be a write statement, which a read-only connection may not run, so the index
        // goes into a twin FTS5 table in TEMP (in memory up to SearchIndexCopyMemoryKiB, then an unnamed temporary
        // file) whose content is a view of the same messages, and the command runs there. The twin must be
        // declared like messages_fts in SchemaV1, except that it keeps no per-document token counts
        // (columnsize = 0): those only weigh ranking, FullTextIndex checks every document has them, and comparing
        // them row by row was 30% of the check. One read transaction spans the copy and the comparison, so a writer
        // committing meanwhile cannot make a healthy archive look damaged; rolling it back drops the scratch objects.
        SqliteConnections.Execute(connection, FormattableString.Invariant(
            $"PRAGMA temp_store = FILE; PRAGMA temp.cache_size = -{_options.SearchIndexCopyMemoryKiB}; BEGIN;"));
        try
        {
            SqliteConnections.Execute(connection, """
                CREATE TEMP VIEW spectra_fts_check_content AS SELECT row_id, text FROM main.messages WHERE text IS NOT NULL;
                CREATE VIRTUAL TABLE temp.spectra_fts_check USING fts5 (
                    text, content = 'spectra_fts_check_content', content_rowid = 'row_id',
                    tokenize = 'unicode61 remove_diacritics 2', columnsize = 0);
                DELETE FROM temp.spectra_fts_check_config;
                INSERT INTO temp.spectra_fts_check_config SELECT * FROM main.messages_fts_config;
                DELETE FROM temp.spectra_fts_check_data;
                INSERT INTO temp.spectra_fts_check_data SELECT * FROM main.messages_fts_data;
                INSERT INTO temp.spectra_fts_check_idx SELECT * FROM main.messages_fts_idx;
                """);
            try
            {
                SqliteConnections.Execute(connection,
                    "INSERT INTO temp.spectra_fts_check (spectra_fts_check, rank) VALUES ('integrity-check', 1)");
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteCorrupt)
            {
                return IntegrityCheckResult.Fail(check,
                    "The search index does not match the message text: words of some messages are missing from it, misplaced or extra.",
                    RebuildSearchIndexFix);
            }

            return IntegrityCheckResult.Pass(check, "Every word of every message is in the search index, in its place, and nothing else is.");
        }
        finally
        {
            SqliteConnections.Execute(connection, "ROLLBACK");
        }
    }

    private static IntegrityCheckResult CheckOrphans(SqliteConnection connection)
    {
        const string check = "OrphanedRows";
        var unlinkedMedia = SqliteConnections.Scalar<long>(connection,
            "SELECT count(*) FROM media md WHERE NOT EXISTS (SELECT 1 FROM message_media mm WHERE mm.sha256 = md.sha256)");
        var strayErrors = SqliteConnections.Scalar<long>(connection,
            "SELECT count(*) FROM message_errors e WHERE NOT EXISTS (SELECT 1 FROM peers p WHERE p.peer_id = e.peer_id)");
        var strayTopics = SqliteConnections.Scalar<long>(connection,
            "SELECT count(*) FROM messages m WHERE m.topic_id IS NOT NULL AND m.topic_id <> m.message_id AND EXISTS (SELECT 1 FROM forum_topics t WHERE t.peer_id = m.peer_id) AND NOT EXISTS (SELECT 1 FROM forum_topics t WHERE t.peer_id = m.peer_id AND t.topic_id = m.topic_id)");
        if (unlinkedMedia + strayErrors + strayTopics == 0)
        {
            return IntegrityCheckResult.Pass(check, "No rows without their owners.");
        }

        return IntegrityCheckResult.Warn(check,
            FormattableString.Invariant($"{unlinkedMedia} media file record(s) used by no message, {strayErrors} error record(s) of unknown peers, {strayTopics} message(s) in unknown forum topics."),
            "Usually left by interrupted runs; harmless. Re-archive the channel to fill in missing topics.");
    }

    private IEnumerable<IntegrityCheckResult> CheckMediaFiles(SqliteConnection connection, CancellationToken cancellationToken)
    {
        const string check = "MediaFiles";
        var root = ArchiveDatabase.MediaDirectoryFor(_path, _options.MediaDirectory);
        long rows = 0, missing = 0, wrongSize = 0, badPath = 0;
        var examples = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sha256, size, stored_path FROM media";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows++;
                var sha = reader.GetString(0);
                var expectedPath = MediaStore.IsSha256(sha) ? MediaStore.RelativePathOf(sha) : null;
                if (expectedPath is null || !string.Equals(reader.GetString(2), expectedPath, StringComparison.Ordinal))
                {
                    badPath++;
                    continue;
                }

                var info = new FileInfo(Path.Combine(root, sha[..2], sha));
                if (!info.Exists)
                {
                    missing++;
                    if (examples.Count < 3)
                    {
                        examples.Add(expectedPath);
                    }
                }
                else if (info.Length != reader.GetInt64(1))
                {
                    wrongSize++;
                    if (examples.Count < 3)
                    {
                        examples.Add(expectedPath);
                    }
                }
            }
        }

        if (missing + wrongSize + badPath > 0)
        {
            yield return IntegrityCheckResult.Fail(check,
                FormattableString.Invariant($"{missing} of {rows} media file(s) missing, {wrongSize} with the wrong size, {badPath} with a stored path that does not match their hash (e.g. {string.Join(", ", examples)})."),
                "Restore the media directory from a backup, or re-archive the affected channels to download the files again.");
        }
        else
        {
            yield return IntegrityCheckResult.Pass(check, FormattableString.Invariant($"All {rows} media file(s) present with the recorded size."));
        }

        var unexpected = UnexpectedMediaFiles(connection, root, cancellationToken);
        if (unexpected.Count > 0)
        {
            yield return IntegrityCheckResult.Warn("UnexpectedMediaFiles",
                FormattableString.Invariant($"{unexpected.Count} file(s) in the media directory are not recorded in the archive (e.g. {string.Join(", ", unexpected.Take(3))})."),
                "Leftovers of interrupted runs (.incoming-* files) or foreign files; move them out of the media directory.");
        }
    }

    private static List<string> UnexpectedMediaFiles(SqliteConnection connection, string root, CancellationToken cancellationToken)
    {
        var unexpected = new List<string>();
        if (!Directory.Exists(root))
        {
            return unexpected;
        }

        using var lookup = connection.CreateCommand();
        lookup.CommandText = "SELECT 1 FROM media WHERE sha256 = $sha";
        var parameter = lookup.Parameters.Add("$sha", SqliteType.Text);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var name = Path.GetFileName(file);
            var known = false;
            if (MediaStore.IsSha256(name) && relative == MediaStore.RelativePathOf(name))
            {
                parameter.Value = name;
                known = lookup.ExecuteScalar() is not null;
            }

            if (!known)
            {
                unexpected.Add(relative);
            }
        }

        return unexpected;
    }

    private IntegrityCheckResult CheckMediaHashes(SqliteConnection connection, CancellationToken cancellationToken)
    {
        const string check = "MediaHashes";
        var root = ArchiveDatabase.MediaDirectoryFor(_path, _options.MediaDirectory);
        long hashed = 0, mismatched = 0;
        var examples = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sha256 FROM media";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sha = reader.GetString(0);
            var path = Path.Combine(root, sha.Length >= 2 ? sha[..2] : "__", sha);
            if (!File.Exists(path))
            {
                continue; // reported by MediaFiles
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var actual = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
            hashed++;
            if (!string.Equals(actual, sha, StringComparison.Ordinal))
            {
                mismatched++;
                if (examples.Count < 3)
                {
                    examples.Add(sha[..2] + "/" + sha);
                }
            }
        }

        return mismatched == 0
            ? IntegrityCheckResult.Pass(check, FormattableString.Invariant($"All {hashed} media file(s) match their SHA-256."))
            : IntegrityCheckResult.Fail(check,
                FormattableString.Invariant($"{mismatched} of {hashed} media file(s) do not match their SHA-256 (e.g. {string.Join(", ", examples)})."),
                "The files were altered or damaged on disk; restore them from a backup or re-archive the affected channels.");
    }

    private IntegrityCheckResult CheckWal()
    {
        const string check = "WalSize";
        var wal = new FileInfo(_path + "-wal");
        var size = wal.Exists ? wal.Length : 0;
        return size > _options.WalWarnBytes
            ? IntegrityCheckResult.Warn(check,
                FormattableString.Invariant($"The write-ahead log is {size / (1024 * 1024):N0} MiB."),
                "Run Optimize-SpectraDatabase (it checkpoints and truncates the log) when no archive run is active.")
            : IntegrityCheckResult.Pass(check, FormattableString.Invariant($"Write-ahead log {size:N0} bytes."));
    }

    private IntegrityCheckResult CheckFreePages(SqliteConnection connection)
    {
        const string check = "FreePages";
        var pages = SqliteConnections.Scalar<long>(connection, "PRAGMA page_count");
        var free = SqliteConnections.Scalar<long>(connection, "PRAGMA freelist_count");
        var ratio = pages == 0 ? 0 : (double)free / pages;
        return ratio > _options.FreePageWarnRatio && pages > 256
            ? IntegrityCheckResult.Warn(check, FormattableString.Invariant($"{ratio:P0} of the file is free pages ({free:N0} of {pages:N0})."),
                "Run Optimize-SpectraDatabase to VACUUM the file and return the space.")
            : IntegrityCheckResult.Pass(check, FormattableString.Invariant($"{free:N0} free page(s) of {pages:N0} ({ratio:P1})."));
    }

    private IntegrityCheckResult CheckStatistics(SqliteConnection connection)
    {
        const string check = "Statistics";
        var messages = SqliteConnections.Scalar<long>(connection, "SELECT count(*) FROM messages");
        var hasStats = SqliteConnections.Scalar<long>(connection,
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'") > 0;
        if (!hasStats)
        {
            return messages < _options.StatisticsMinimumMessages
                ? IntegrityCheckResult.Pass(check, FormattableString.Invariant($"No planner statistics; not needed for {messages:N0} messages."))
                : IntegrityCheckResult.Warn(check, FormattableString.Invariant($"No planner statistics for {messages:N0} messages."),
                    "Run Optimize-SpectraDatabase (ANALYZE) so queries pick the right indexes.");
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(ended_at) FROM runs WHERE kind = 'optimize' AND outcome = 'succeeded'";
        var analyzedAt = command.ExecuteScalar() is long at ? at : (long?)null;
        if (analyzedAt is null)
        {
            return IntegrityCheckResult.Warn(check, "Planner statistics exist but no Optimize-SpectraDatabase run is recorded as succeeded.",
                "Run Optimize-SpectraDatabase to refresh them.");
        }

        command.CommandText = "SELECT count(*) FROM messages WHERE archived_at > $at";
        command.Parameters.AddWithValue("$at", analyzedAt.Value);
        var newer = (long)command.ExecuteScalar()!;
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(analyzedAt.Value);
        var stale = messages >= _options.StatisticsMinimumMessages && newer > messages * _options.StaleStatisticsRatio;
        var text = FormattableString.Invariant($"Statistics from {age.TotalDays:N0} day(s) ago; {newer:N0} of {messages:N0} messages written since.");
        return stale
            ? IntegrityCheckResult.Warn(check, text, "Run Optimize-SpectraDatabase to refresh the statistics.")
            : IntegrityCheckResult.Pass(check, text);
    }

    /// <summary>
    /// Runs that never recorded their end. A process that crashed, was killed or lost power leaves its run
    /// 'running'; since schema version 5 the run names its process, so one still going is told from one that is not.
    /// </summary>
    private static IntegrityCheckResult CheckRuns(SqliteConnection connection)
    {
        const string check = "Runs";
        var version = SqliteConnections.Scalar<int>(connection, "PRAGMA user_version");
        var total = SqliteConnections.Scalar<long>(connection, "SELECT count(*) FROM runs");
        // Whether each run's process is alive is looked up once: the answer could change between lookups.
        var open = ArchiveRuns.ReadUnfinished(connection, schemaVersion: version).Select(run => (Run: run, Gone: run.IsGone)).ToList();
        var going = open.Where(r => r.Gone == false).Select(r => r.Run).ToList();
        var interrupted = open.Where(r => r.Gone == true).Select(r => r.Run).ToList();
        var unknown = open.Where(r => r.Gone is null).Select(r => r.Run).ToList();
        if (interrupted.Count + unknown.Count == 0)
        {
            return IntegrityCheckResult.Pass(check, going.Count == 0
                ? FormattableString.Invariant($"{total:N0} run(s) recorded; none left unfinished.")
                : FormattableString.Invariant($"{total:N0} run(s) recorded; in progress: {Runs(going)}."));
        }

        var parts = new List<string>();
        if (interrupted.Count > 0)
        {
            parts.Add($"Interrupted (never recorded an end, and the process that ran it is gone): {Runs(interrupted)}.");
        }

        if (unknown.Count > 0)
        {
            parts.Add($"Never recorded an end, and whether still going cannot be told here: {Runs(unknown)} "
                + (unknown.All(run => run.Host is null)
                    ? "(begun before schema version 5, which records the process)."
                    : "(begun on another machine, or before schema version 5, which records the process)."));
        }

        // Only the machine that ran a run can tell that its process is gone, so only a run there closes it.
        var elsewhere = unknown.Any(run => run.Host is not null);
        return IntegrityCheckResult.Warn(check, string.Join(" ", parts),
            "If no Spectra command is still using the archive, run the interrupted command again: an import completes what "
            + "is missing (importing is idempotent), an optimize redoes its steps. The next run on the same machine records "
            + "interrupted runs as failed" + (elsewhere
                ? "; a run begun on another machine is closed only by a run there, and until then this warning stays (the "
                  + "archive's data is not affected)."
                : "."));
    }

    private static string Runs(IReadOnlyList<RunView> runs) =>
        string.Join("; ", runs.Take(3).Select(run => run.Describe()))
        + (runs.Count > 3 ? FormattableString.Invariant($"; and {runs.Count - 3} more") : "");
}
