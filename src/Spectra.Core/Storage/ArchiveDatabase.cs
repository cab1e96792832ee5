using Microsoft.Data.Sqlite;
using Spectra.Core.Errors;
using Spectra.Core.Storage.Migrations;

namespace Spectra.Core.Storage;

/// <summary>
/// An open, migrated archive: one read-write connection, the media store beside it, and factories for the writer.
/// Not thread-safe (like the SQLite connection it owns); open another instance, or <see cref="OpenConnection"/>,
/// for concurrent work. WAL lets readers run while a writer commits.
/// </summary>
public sealed class ArchiveDatabase : IDisposable
{
    private ArchiveDatabase(string path, ArchiveOptions options, SqliteConnection connection, int schemaVersion)
    {
        Path = path;
        Options = options;
        Connection = connection;
        SchemaVersion = schemaVersion;
        Media = new MediaStore(MediaDirectoryFor(path, options.MediaDirectory));
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    public ArchiveOptions Options { get; }

    /// <summary>The read-write connection (WAL, foreign keys on).</summary>
    public SqliteConnection Connection { get; }

    public int SchemaVersion { get; }

    public MediaStore Media { get; }

    /// <summary>Opens (creating when allowed) and migrates the archive at <paramref name="path"/>.</summary>
    public static ArchiveDatabase Open(string path, ArchiveOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= ArchiveOptions.Default;
        var fullPath = System.IO.Path.GetFullPath(path);
        var exists = File.Exists(fullPath);
        if (!exists && !options.CreateIfMissing)
        {
            throw StorageErrors.NotFound(fullPath);
        }

        if (!exists)
        {
            var directory = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(directory))
            {
                try
                {
                    Directory.CreateDirectory(directory);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // A file where a folder should be (DirectoryNotFoundException, IOException) or no permission.
                    throw StorageErrors.FolderUnavailable(fullPath, ex);
                }
            }
        }

        SqliteConnection connection;
        try
        {
            connection = SqliteConnections.OpenReadWrite(fullPath, options.BusyTimeout, create: options.CreateIfMissing);
        }
        catch (SqliteException ex)
        {
            throw Classify(fullPath, ex);
        }

        try
        {
            var version = SchemaMigrator.Migrate(connection, fullPath);
            return new ArchiveDatabase(fullPath, options, connection, version);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Classify(fullPath, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The default media directory: <c>media</c> next to the database file.</summary>
    public static string MediaDirectoryFor(string databasePath, string? configured) =>
        System.IO.Path.GetFullPath(configured ?? System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath)) ?? ".", "media"));

    /// <summary>
    /// A writer on this database's connection. One writer at a time per connection. Cancelling
    /// <paramref name="cancellationToken"/> stops its lock waits and running statements (the transaction in progress
    /// is rolled back) with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public ArchiveWriter CreateWriter(CancellationToken cancellationToken = default) => new(this, cancellationToken);

    /// <summary>Another read-write connection with the same settings (for a second thread).</summary>
    public SqliteConnection OpenConnection() =>
        SqliteConnections.OpenReadWrite(Path, Options.BusyTimeout, create: false);

    public void Dispose() => Connection.Dispose();

    private static SpectraException Classify(string path, SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => StorageErrors.NotSpectra(path, "it is not a SQLite database (or it is encrypted)"), // SQLITE_NOTADB
        _ when StorageErrors.IsEnvironmental(ex) => StorageErrors.Write(path, ex),
        _ => StorageErrors.OpenFailed(path, ex),
    };
}
