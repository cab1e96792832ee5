using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Spectra.Core.Storage;

/// <summary>
/// The one place connections are made, so every connection gets the same settings: foreign keys on, a busy timeout,
/// and on writable connections WAL with synchronous=NORMAL. With WAL, NORMAL never corrupts the database; a power
/// loss can only lose the last transactions committed since the last checkpoint, which the archiver re-fetches
/// because sync state is committed with the data it describes. FULL would fsync on every commit for no gain in
/// consistency. Pooling is off: a cmdlet opens a database once, and pooled handles would keep files open after
/// Dispose (in the way of backups, tests and users moving files).
/// </summary>
public static class SqliteConnections
{
    /// <summary>SQLITE_READONLY and SQLITE_CANTOPEN: how a read-only open reports a -shm it could not create.</summary>
    private const int SqliteReadOnly = 8;

    private const int SqliteCantOpen = 14;

    public static SqliteConnection OpenReadWrite(string path, TimeSpan busyTimeout, bool create)
    {
        var isNew = create && (!File.Exists(path) || new FileInfo(path).Length == 0);
        return Open(path, create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite, busyTimeout, "PRAGMA foreign_keys = ON;",
            connection =>
            {
                if (isNew)
                {
                    // Only possible before the first write (and before WAL): existing archives keep their page size.
                    // 16 KiB pages hold more index cells and FTS5 segment leaves per page: 6% less CPU per message
                    // written (200,000-message bench) and fewer pages for integrity_check to walk.
                    Execute(connection, "PRAGMA page_size = 16384;");
                }

                // journal_mode is persistent in the file; setting it again is cheap and repairs a file switched back.
                Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");
                var pageSize = Scalar<long>(connection, "PRAGMA page_size");
                Execute(connection, string.Create(CultureInfo.InvariantCulture,
                    $"PRAGMA wal_autocheckpoint = {Math.Max(1000, CheckpointBytes / pageSize)};"));
            });
    }

    /// <summary>
    /// How much write-ahead log a writer accumulates before it checkpoints. Each checkpoint copies the log into the
    /// database and fsyncs both; at SQLite's default (1,000 pages, 16 MiB here) a million-message import made 540 of
    /// them and spent a fifth of its time waiting on the disk (41.7 s; 33.3 s with 256 MiB). Readers are not slowed:
    /// the log's index is a hash table. The log file keeps its size between checkpoints (cutting it back after each
    /// one, journal_size_limit, cost that import another 6 s) and is removed when the last connection closes.
    /// Test-SpectraDatabase warns only above twice this (a checkpoint that cannot run).
    /// </summary>
    public const long CheckpointBytes = 256L * 1024 * 1024;

    /// <summary>A connection that cannot write: for the integrity checker and the query cmdlets.</summary>
    public static SqliteConnection OpenReadOnly(string path, TimeSpan busyTimeout) =>
        Open(path, SqliteOpenMode.ReadOnly, busyTimeout, "PRAGMA foreign_keys = ON; PRAGMA query_only = ON;");

    /// <summary>
    /// A read-only connection for the readers and the integrity checker. It never writes the database file, and it
    /// reads under SQLite's WAL locks like any other connection, so a writer that starts in the middle of a read
    /// (another process, or an import in the same pipeline) cannot change the pages under it: each statement reads
    /// the snapshot it began with, and a checkpoint waits for it. The locks live in the -shm index, so SQLite may
    /// create -shm and an empty -wal beside the database; the next writer uses them and removes them when it closes.
    /// The file used to be opened immutable when no -wal existed, to leave nothing behind, but immutable promises
    /// SQLite that the file never changes: a writer starting during the read showed it torn pages ("database disk
    /// image is malformed") and made the checker report damage that was not there.
    /// No query_only here: the checker builds scratch tables in the TEMP schema, which never touches the file. The
    /// page cache is as large as a writer's (64 MiB, not the default 2 MiB): integrity_check revisits pages, and
    /// re-reading them from the OS was a measurable part of its time.
    /// </summary>
    public static SqliteConnection OpenForInspection(string path, TimeSpan busyTimeout)
    {
        const string Pragmas = "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;";
        try
        {
            // schema_version reads page 1, which makes SQLite open (or fail to create) the -shm now rather than at
            // the caller's first query, where the fallback below could no longer be chosen.
            return Open(path, SqliteOpenMode.ReadOnly, busyTimeout, Pragmas,
                connection => Scalar<long>(connection, "PRAGMA schema_version"));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCantOpen or SqliteReadOnly
            && !HasLog(path) && !IsFolderWritable(path))
        {
            // A WAL database can only be read without its -shm when it is opened immutable. That is safe only where no
            // writer can exist: a writer needs to create its -wal in this folder, which this process cannot do. (An
            // account that can write here while this one cannot is the one case this does not cover.)
            return Open(new Uri(path).AbsoluteUri + "?immutable=1", SqliteOpenMode.ReadOnly, busyTimeout, Pragmas);
        }
    }

    /// <summary>A non-empty -wal holds commits that an immutable open would not see: reading without them would be wrong data.</summary>
    private static bool HasLog(string path)
    {
        var wal = new FileInfo(path + "-wal");
        return wal.Exists && wal.Length > 0;
    }

    /// <summary>
    /// Whether this process can create a file beside <paramref name="path"/>: tried, not inferred from permission bits,
    /// which say nothing about read-only mounts, ACLs or root. Only reached when the normal open already failed.
    /// </summary>
    private static bool IsFolderWritable(string path)
    {
        var probe = Path.Combine(Path.GetDirectoryName(path) ?? ".", ".spectra-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Opens with the shared settings (no pooling, busy timeout) plus <paramref name="pragmas"/>; never leaks a half-configured connection.</summary>
    private static SqliteConnection Open(string dataSource, SqliteOpenMode mode, TimeSpan busyTimeout, string pragmas,
        Action<SqliteConnection>? configure = null)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; {pragmas}"));
            configure?.Invoke(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    internal static T Scalar<T>(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        var value = command.ExecuteScalar();
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }
}
