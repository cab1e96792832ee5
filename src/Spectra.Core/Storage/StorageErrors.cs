using Spectra.Core.Errors;

namespace Spectra.Core.Storage;

/// <summary>The storage layer's error ids and messages in one place, so ids stay stable and wording consistent.</summary>
internal static class StorageErrors
{
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
}
