namespace Spectra.Core.Storage;

/// <summary>How an archive is opened.</summary>
public sealed record ArchiveOptions
{
    /// <summary>Media directory; default <c>media</c> next to the database file.</summary>
    public string? MediaDirectory { get; init; }

    /// <summary>How long a statement waits for another connection's lock before failing with SQLITE_BUSY.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Create the database (and its folder) when it does not exist. When false, a missing file is an error.</summary>
    public bool CreateIfMissing { get; init; } = true;

    public static ArchiveOptions Default { get; } = new();
}
