using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Spectra.Core.Errors;
using Spectra.Core.Hosting;
using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage.Maintenance;

/// <summary>Optimize and back up archives.</summary>
public static class ArchiveMaintenance
{
    private const int ProgressId = 7302;

    /// <summary>
    /// The steps <see cref="Optimize"/> will run, in order, so a caller can ask for confirmation before any of them.
    /// </summary>
    public static IReadOnlyList<string> PlannedSteps(OptimizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var steps = new List<string>();
        if (options.RebuildSearchIndex)
        {
            steps.Add("rebuild search index");
        }

        if (options.Analyze)
        {
            steps.Add("ANALYZE");
        }

        if (options.OptimizeSearchIndex)
        {
            steps.Add("optimize search index");
        }

        if (options.Vacuum)
        {
            steps.Add("VACUUM");
        }

        if (options.Checkpoint)
        {
            steps.Add("checkpoint and truncate WAL");
        }

        return steps;
    }

    /// <summary>
    /// ANALYZE, FTS5 optimize (merges index segments), VACUUM and a TRUNCATE checkpoint, recorded as an
    /// <c>optimize</c> run (the statistics freshness check reads it). VACUUM needs free disk space about the size of
    /// the database and waits for other writers. Cancelling stops the running step (an interrupted VACUUM or ANALYZE
    /// is rolled back, leaving the archive as it was) and records the run as cancelled with the steps that finished.
    /// A checkpoint that readers kept from finishing is not an error: the result says so
    /// (<see cref="OptimizeResult.CheckpointBusy"/>), a warning goes to <paramref name="sink"/> and the run is
    /// recorded as partial.
    /// </summary>
    public static OptimizeResult Optimize(ArchiveDatabase database, OptimizeOptions options, IHostMessageSink? sink = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var sizeBefore = new FileInfo(database.Path).Length;
        var walBefore = WalSize(database.Path);
        var steps = PlannedSteps(options);
        var connection = database.Connection;
        var guard = new SqliteGuard(connection, database.Path, database.Options.BusyTimeout, cancellationToken);
        using var writer = database.CreateWriter(cancellationToken);
        var finished = new List<string>();
        var checkpointBusy = false;
        try
        {
            writer.BeginRun(RunKind.Optimize, detail: string.Join(", ", steps));
            ArchiveRuns.ReportInterrupted(writer.InterruptedRuns, sink);
            for (var i = 0; i < steps.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                sink?.Progress(new ProgressInfo(ProgressId, "Optimizing archive", steps[i], i * 100 / steps.Count));
                sink?.Log(HostLogLevel.Verbose, "Optimize: " + steps[i]);
                var sql = steps[i] switch
                {
                    "rebuild search index" => "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')",
                    "ANALYZE" => "ANALYZE",
                    "optimize search index" => "INSERT INTO messages_fts (messages_fts) VALUES ('optimize')",
                    "VACUUM" => "VACUUM",
                    _ => null,
                };
                if (sql is not null)
                {
                    guard.Run(() => SqliteConnections.Execute(connection, sql));
                    finished.Add(steps[i]);
                    continue;
                }

                checkpointBusy = !Checkpoint(guard, connection);
                finished.Add(steps[i]);
                if (checkpointBusy)
                {
                    writer.CompleteRun(RunOutcome.Partial, CheckpointBusyMessage);
                    sink?.Log(HostLogLevel.Warning, CheckpointBusyMessage + " " + CheckpointBusyFix);
                }
                else
                {
                    // Recorded after the checkpoint, so the run says what really happened; a second (small)
                    // checkpoint carries that record into the main file too, for readers that open it immutable.
                    writer.CompleteRun(RunOutcome.Succeeded);
                    Checkpoint(guard, connection);
                }
            }

            if (writer.RunId is not null)
            {
                writer.CompleteRun(RunOutcome.Succeeded);
            }
        }
        catch (OperationCanceledException)
        {
            Abandon(writer, RunOutcome.Cancelled, finished.Count == 0
                ? "stopped before any step finished"
                : "stopped after: " + string.Join(", ", finished), sink);
            throw;
        }
        catch (SpectraException ex)
        {
            Abandon(writer, RunOutcome.Failed, ex.Message, sink);
            throw;
        }
        finally
        {
            sink?.Progress(new ProgressInfo(ProgressId, "Optimizing archive", "Done", 100, Completed: true));
        }

        return new OptimizeResult(database.Path, steps, sizeBefore, new FileInfo(database.Path).Length, walBefore,
            WalSize(database.Path), clock.Elapsed) { CheckpointBusy = checkpointBusy };
    }

    private const string CheckpointBusyMessage =
        "The write-ahead log could not be checkpointed and truncated: another program kept reading the archive for the whole wait.";

    private const string CheckpointBusyFix = "Run Optimize-SpectraDatabase again when the archive is idle (no other Spectra command or SQLite tool reading it).";

    /// <summary>
    /// A TRUNCATE checkpoint, repeated while readers keep it from finishing, up to the busy timeout. SQLite reports
    /// that in the result row (busy, log frames, checkpointed frames), not as an error.
    /// </summary>
    /// <returns>Whether the log was fully checkpointed and truncated.</returns>
    private static bool Checkpoint(SqliteGuard guard, SqliteConnection connection) => !guard.Run(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var reader = command.ExecuteReader();
        return reader.Read() && reader.GetInt64(0) != 0;
    }, retryWhile: busy => busy);

    private static void Abandon(ArchiveWriter writer, RunOutcome outcome, string detail, IHostMessageSink? sink)
    {
        if (writer.TryCompleteRun(outcome, detail) is { } unrecorded)
        {
            sink?.Log(HostLogLevel.Warning, "The optimize run's end could not be recorded in the archive: " + unrecorded.Message);
        }
    }

    /// <summary>
    /// Copies the archive with SQLite's online backup API: the copy is one consistent snapshot even while another
    /// connection keeps writing (WAL lets the writer go on). The copy goes to a temporary file next to the
    /// destination, is verified with quick_check, then renamed into place, so a failed or cancelled backup never
    /// leaves a file under the destination name. Pages are copied in chunks, with progress and a cancellation check
    /// between them. The media directory is not included.
    /// </summary>
    public static BackupResult Backup(string sourcePath, string destinationPath, bool overwrite = false,
        IHostMessageSink? sink = null, CancellationToken cancellationToken = default) =>
        Backup(sourcePath, destinationPath, overwrite, sink, cancellationToken, PagesPerStep);

    /// <summary><see cref="Backup(string, string, bool, IHostMessageSink?, CancellationToken)"/> with a chosen step size (tests copy small archives in several steps).</summary>
    internal static BackupResult Backup(string sourcePath, string destinationPath, bool overwrite, IHostMessageSink? sink,
        CancellationToken cancellationToken, int pagesPerStep)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        ArgumentException.ThrowIfNullOrEmpty(destinationPath);
        var source = Path.GetFullPath(sourcePath);
        var destination = Path.GetFullPath(destinationPath);
        if (!File.Exists(source))
        {
            throw StorageErrors.NotFound(source);
        }

        // A folder (existing, or written with a trailing separator) receives the copy under the archive's own
        // name, as Copy-Item does, so several archives can be piped to one backup folder.
        if (Directory.Exists(destination) || Path.EndsInDirectorySeparator(destinationPath))
        {
            destination = Path.Combine(destination, Path.GetFileName(source));
        }

        if (string.Equals(source, destination, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
        {
            throw new SpectraException("BackupOntoSource", SpectraErrorCategory.InvalidArgument,
                "The backup destination is the archive itself.", "Choose another -Destination.", new ErrorLocation(destination));
        }

        if (File.Exists(destination) && !overwrite)
        {
            throw new SpectraException("BackupDestinationExists", SpectraErrorCategory.ResourceUnavailable,
                "A file already exists at the backup destination.", "Choose another -Destination, or add -Force to replace it.",
                new ErrorLocation(destination));
        }

        var clock = Stopwatch.StartNew();
        var directory = Path.GetDirectoryName(destination)!;
        var temporary = Path.Combine(directory, "." + Path.GetFileName(destination) + ".partial-" + Guid.NewGuid().ToString("N"));
        sink?.Progress(new ProgressInfo(ProgressId + 1, "Backing up archive", destination));
        try
        {
            Directory.CreateDirectory(directory);
            long messages;
            using (var from = SqliteConnections.OpenReadOnly(source, BackupBusyTimeout))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = temporary,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString()))
            {
                to.Open();
                var guard = new SqliteGuard(to, destination, BackupBusyTimeout, cancellationToken);
                CopyPages(from, to, guard, destination, sink, pagesPerStep);
                // A backup holds whole pages only; check it before it may replace anything.
                var verdict = guard.Run(() => SqliteConnections.Scalar<string>(to, "PRAGMA quick_check"));
                if (verdict != "ok")
                {
                    throw new SpectraException("BackupVerificationFailed", SpectraErrorCategory.InvalidData,
                        "The backup copy failed its quick_check: " + verdict,
                        "Run Test-SpectraDatabase on the source; it may be damaged.", new ErrorLocation(source));
                }

                messages = guard.Run(() => SqliteConnections.Scalar<long>(to, "SELECT count(*) FROM messages"));
                guard.Run(() => SqliteConnections.Execute(to, "PRAGMA wal_checkpoint(TRUNCATE)"));
            }

            FlushToDisk(temporary);
            // The last point of no return: a backup stopped by now is not put in place, however complete it is.
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, destination, overwrite);
            DeleteSidecars(temporary);
            sink?.Log(HostLogLevel.Verbose, FormattableString.Invariant($"Backup of {source} written to {destination}: {messages} message(s) in {clock.Elapsed.TotalSeconds:F1} s"));
            return new BackupResult(source, destination, new FileInfo(destination).Length, messages, clock.Elapsed);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException
            or SpectraException { ErrorId: not "BackupVerificationFailed" })
        {
            // One id for every way the copy can fail (the guard's storage errors included); the cause is in the text.
            throw new SpectraException("BackupFailed", SpectraErrorCategory.WriteError, "The backup failed: " + ex.Message,
                "Check free space and write access at the destination, and that the source is a readable archive.",
                new ErrorLocation(destination), ex);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            DeleteSidecars(temporary);
            sink?.Progress(new ProgressInfo(ProgressId + 1, "Backing up archive", "Done", 100, Completed: true));
        }
    }

    private static readonly TimeSpan BackupBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Pages per backup step: 64 MiB at the archive's 16 KiB pages, a fraction of a second of copying.</summary>
    private const int PagesPerStep = 4096;

    /// <summary>
    /// The online backup in steps, so a Stop is noticed between them. The source keeps one read transaction open
    /// throughout: every step copies from the same snapshot, so a writer committing meanwhile (WAL lets it) neither
    /// changes the copy nor makes SQLite restart it, which it would do on each commit if the steps read afresh.
    /// </summary>
    private static void CopyPages(SqliteConnection from, SqliteConnection to, SqliteGuard guard, string destination,
        IHostMessageSink? sink, int pagesPerStep)
    {
        using var snapshot = from.BeginTransaction(deferred: true);
        SqliteConnections.Scalar<long>(from, "SELECT count(*) FROM sqlite_schema", snapshot);
        var backup = raw.sqlite3_backup_init(to.Handle, "main", from.Handle, "main");
        if (backup is null || backup.IsInvalid)
        {
            throw new SqliteException(raw.sqlite3_errmsg(to.Handle).utf8_to_string(), raw.sqlite3_errcode(to.Handle));
        }

        try
        {
            while (guard.Run(() => Step(backup, pagesPerStep)))
            {
                var total = raw.sqlite3_backup_pagecount(backup);
                var copied = total - raw.sqlite3_backup_remaining(backup);
                sink?.Progress(new ProgressInfo(ProgressId + 1, "Backing up archive",
                    FormattableString.Invariant($"{destination}: {copied:N0} of {total:N0} pages"), total == 0 ? 0 : (int)(copied * 100L / total)));
            }
        }
        finally
        {
            raw.sqlite3_backup_finish(backup);
        }

        snapshot.Commit();
    }

    /// <returns>Whether pages remain to be copied.</returns>
    private static bool Step(sqlite3_backup backup, int pages)
    {
        var rc = raw.sqlite3_backup_step(backup, pages);
        return rc switch
        {
            raw.SQLITE_OK => true,
            raw.SQLITE_DONE => false,
            // Busy or locked repeat through the guard's lock wait; anything else is the copy failing.
            _ => throw new SqliteException("SQLite Error " + rc.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + ": " + raw.sqlite3_errstr(rc).utf8_to_string(), rc),
        };
    }

    private static long WalSize(string path)
    {
        var wal = new FileInfo(path + "-wal");
        return wal.Exists ? wal.Length : 0;
    }

    private static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        stream.Flush(flushToDisk: true);
    }

    private static void DeleteSidecars(string path)
    {
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            if (File.Exists(path + suffix))
            {
                File.Delete(path + suffix);
            }
        }
    }
}
