using Serilog.Events;

namespace Spectra.Core.Logging;

/// <summary>
/// How Spectra logs. <see cref="Directory"/> null means no log file (host streams only). <see cref="Secure"/> keeps
/// the free-text pattern filter on; secret-typed values and secret-named properties are redacted either way.
/// </summary>
public sealed record LoggingOptions
{
    public LogEventLevel Level { get; init; } = LogEventLevel.Information;

    public string? Directory { get; init; }

    /// <summary>
    /// Spectra owns <see cref="Directory"/> (the default folder beside the database, not one the user configured), so on
    /// Unix an existing folder is tightened to owner-only rather than left with its mode.
    /// </summary>
    public bool OwnsDirectory { get; init; }

    public bool Secure { get; init; } = true;

    /// <summary>Daily files kept before the oldest is deleted.</summary>
    public int RetainedFiles { get; init; } = 14;

    /// <summary>File name stem; files are named spectra-yyyyMMdd.clef (and _NNN when a day's file fills up).</summary>
    public string FileStem { get; init; } = "spectra-";

    public long FileSizeLimitBytes { get; init; } = 64L * 1024 * 1024;
}
