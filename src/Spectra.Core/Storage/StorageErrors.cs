using Microsoft.Data.Sqlite;
using Spectra.Core.Errors;

namespace Spectra.Core.Storage;

/// <summary>The storage layer's error ids and messages in one place, so ids stay stable and wording consistent.</summary>
public static class StorageErrors
{
    public const string DatabaseDamagedId = "DatabaseDamaged";

    public const string DatabaseReadFailedId = "DatabaseReadFailed";

    /// <summary>SQLITE_CORRUPT and SQLITE_NOTADB (primary codes): what SQLite says when pages it reads make no sense.</summary>
    private const int SqliteCorrupt = 11;

    private const int SqliteNotADatabase = 26;

    public static SpectraException TooNew(string path, int found, int supported) => new(
        "DatabaseTooNew", SpectraErrorCategory.InvalidData,
        $"The archive is at schema version {found}, but this Spectra understands versions up to {supported}.",
        "Update Spectra to the version that wrote this archive, or open a different database.",
        new ErrorLocation(path));

    public static SpectraException NotSpectra(string path, string reason) => new(
        "NotASpectraDatabase", SpectraErrorCategory.InvalidData,
        $"The file is not a Spectra archive: {reason}.",
        "Point -Database (or SPECTRA_DB_PATH) at a Spectra archive, or at a path where a new one may be created.",
        new ErrorLocation(path));

    public static SpectraException NotFound(string path) => new(
        "DatabaseNotFound", SpectraErrorCategory.ObjectNotFound,
        "No archive database exists at this path.",
        "Check the path, or archive or import something first to create it.",
        new ErrorLocation(path));

    public static SpectraException OpenFailed(string path, Exception inner) => new(
        "DatabaseOpenFailed", SpectraErrorCategory.ReadError,
        $"The archive could not be opened: {inner.Message}",
        "Check that the file is a SQLite database, readable, and not locked by another program.",
        new ErrorLocation(path), inner);

    public static SpectraException MigrationFailed(string path, int version, Exception inner) => new(
        "DatabaseMigrationFailed", SpectraErrorCategory.WriteError,
        $"Upgrading the archive schema to version {version} failed and was rolled back: {inner.Message}",
        "Make sure the database and its folder are writable and the disk is not full, then open it again.",
        new ErrorLocation(path), inner);

    /// <summary>
    /// DatabaseDamaged: SQLite found pages that make no sense (SQLITE_CORRUPT, or SQLITE_NOTADB after the file opened
    /// fine). Nothing the user typed is wrong, so the fix is about the archive: find out what is damaged, then restore.
    /// </summary>
    public static SpectraException Damaged(string path, Exception inner) => new(
        DatabaseDamagedId, SpectraErrorCategory.InvalidData,
        $"The archive is damaged; SQLite stopped reading it: {inner.Message}",
        "Run Test-SpectraDatabase -Deep to see what is damaged; restore from a backup (Backup-SpectraDatabase), or rebuild "
            + "the search index (Optimize-SpectraDatabase -RebuildSearchIndex) if only it is damaged.",
        new ErrorLocation(path), inner);

    /// <summary>
    /// A SQLite error met while reading rows from an archive that opened fine: DatabaseDamaged for damage,
    /// DatabaseReadFailed for anything else (an I/O error, a lock held too long, memory).
    /// </summary>
    public static SpectraException ReadFailed(string path, SqliteException inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return (inner.SqliteErrorCode & 0xFF) is SqliteCorrupt or SqliteNotADatabase
            ? Damaged(path, inner)
            : new(DatabaseReadFailedId, SpectraErrorCategory.ReadError,
                $"Reading the archive failed: {inner.Message}",
                "Check that the file is readable, the disk healthy and no other program holds the archive locked, then run the "
                    + "command again; Test-SpectraDatabase shows whether the archive itself is damaged.",
                new ErrorLocation(path), inner);
    }

    /// <summary>Whether <paramref name="exception"/> says the archive could not be read: going on with it is pointless.</summary>
    public static bool IsReadFailure(SpectraException exception) =>
        exception?.ErrorId is DatabaseDamagedId or DatabaseReadFailedId;

    /// <summary>
    /// Streams <paramref name="rows"/>, turning a SQLite error raised while reading them into <see cref="ReadFailed"/>,
    /// and a statement stopped by <c>sqlite3_interrupt</c> (Ctrl+C, <see cref="Query.ArchiveReader.Interrupt"/>) into
    /// <see cref="OperationCanceledException"/>.
    /// Errors in a streamed query surface at any row, not when it is started, and iterator methods cannot catch around
    /// a yield; every streamed read of an archive goes through here.
    /// </summary>
    internal static IEnumerable<T> MapReadErrors<T>(IEnumerable<T> rows, string path)
    {
        using var enumerator = rows.GetEnumerator();
        while (MoveNext(enumerator, path))
        {
            yield return enumerator.Current;
        }
    }

    private static bool MoveNext<T>(IEnumerator<T> enumerator, string path)
    {
        try
        {
            return enumerator.MoveNext();
        }
        catch (SqliteException ex) when (IsInterrupt(ex))
        {
            throw new OperationCanceledException("Reading the archive was stopped.", ex);
        }
        catch (SqliteException ex)
        {
            throw ReadFailed(path, ex);
        }
    }

    public static SpectraException FolderUnavailable(string path, Exception inner) => new(
        "DatabaseFolderUnavailable", SpectraErrorCategory.WriteError,
        $"The folder for the archive could not be created: {inner.Message}",
        "Choose a -Database path whose folders are writable and are not files.",
        new ErrorLocation(path), inner);

    /// <summary>What a failed write means for the user, by SQLite's primary result code.</summary>
    public static SpectraException Write(string path, SqliteException ex) => (ex.SqliteErrorCode & 0xFF) switch
    {
        SqliteBusy or SqliteLocked => Busy(path, ex),
        SqliteReadOnly => ReadOnly(path, ex),
        SqliteFull => DiskFull(path, ex),
        _ => WriteFailed(path, ex),
    };

    /// <summary>Whether the statement was stopped by <c>sqlite3_interrupt</c>.</summary>
    public static bool IsInterrupt(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) == SqliteInterrupt;

    /// <summary>Whether SQLite gave up waiting for another connection's lock.</summary>
    public static bool IsBusy(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked;

    /// <summary>Whether the failure is one <see cref="Write"/> explains better than a generic open failure.</summary>
    public static bool IsEnvironmental(SqliteException ex) =>
        (ex.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteFull;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteInterrupt = 9;
    private const int SqliteFull = 13;

    private static SpectraException Busy(string path, SqliteException inner) => new(
        "DatabaseBusy", SpectraErrorCategory.ResourceBusy,
        $"Another program holds the archive locked, and it stayed locked for the whole wait: {inner.Message}",
        "Close the other program using the archive (another Spectra command, a sqlite3 shell, a sync tool) or wait until it is done, then run the command again.",
        new ErrorLocation(path), inner);

    private static SpectraException ReadOnly(string path, SqliteException inner) => new(
        "DatabaseReadOnly", SpectraErrorCategory.PermissionDenied,
        $"The archive cannot be written: {inner.Message}",
        "Make the database file and its folder writable for this user (SQLite also writes the -wal and -shm files beside it), or point -Database at a writable copy.",
        new ErrorLocation(path), inner);

    private static SpectraException DiskFull(string path, SqliteException inner) => new(
        "DiskFull", SpectraErrorCategory.WriteError,
        $"The disk holding the archive is full: {inner.Message}",
        "Free disk space where the archive and its temporary files live, then run the command again: only whole batches are stored, so an import resumes where it stopped.",
        new ErrorLocation(path), inner);

    private static SpectraException WriteFailed(string path, SqliteException inner) => new(
        "DatabaseWriteFailed", SpectraErrorCategory.WriteError,
        $"Writing to the archive failed: {inner.Message}",
        "Check the disk and the file (Test-SpectraDatabase), then run the command again; the failed transaction was rolled back.",
        new ErrorLocation(path), inner);
}
