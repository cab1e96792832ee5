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
    /// A read-only connection that leaves no trace: when no write-ahead log exists (nobody has the archive open for
    /// writing), the file is opened immutable, so SQLite creates neither -wal nor -shm. With a log present, a plain
    /// read-only connection reads through it, consistent with a writer that is still running. No query_only here:
    /// the checker builds scratch tables in the TEMP schema, which never touches the file. The page cache is as large
    /// as a writer's (64 MiB, not the default 2 MiB): integrity_check revisits pages, and re-reading them from the OS
    /// was a measurable part of its time.
    /// </summary>
    public static SqliteConnection OpenForInspection(string path, TimeSpan busyTimeout)
    {
        var walExists = File.Exists(path + "-wal");
        return Open(walExists ? path : new Uri(path).AbsoluteUri + "?immutable=1", SqliteOpenMode.ReadOnly, busyTimeout,
            "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
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
