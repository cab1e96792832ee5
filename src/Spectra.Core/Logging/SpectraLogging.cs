using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Formatting.Compact;

namespace Spectra.Core.Logging;

/// <summary>
/// Builds Spectra's Serilog pipeline: secret values captured as the marker, then one <see cref="RedactingSink"/> in
/// front of every sink (a rolling compact-JSON file under <see cref="LoggingOptions.Directory"/> and the host
/// forwarding sink), so no sink can receive an unredacted event.
/// </summary>
public static class SpectraLogging
{
    public static Logger CreateLogger(LoggingOptions options, Hosting.IHostMessageSink? host = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RetainedFiles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RetainedFiles must be at least 1.");
        }

        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(options.Level)
            .Destructure.With(new SecretDestructuringPolicy());

        var redacted = LoggerSinkConfiguration.Wrap(
            inner => new RedactingSink(inner, options.Secure),
            sinks =>
            {
                if (!string.IsNullOrEmpty(options.Directory))
                {
                    PrepareDirectory(options.Directory, options.OwnsDirectory);
                    PrepareTodaysFile(Path.Combine(options.Directory, options.FileStem));
                    // Shared: two commands logging into one folder at once (a check beside an import) must not lose
                    // each other's lines; Serilog's shared mode serialises them. It runs no lifecycle hooks, which is
                    // why the day's file is made owner-only beforehand (PrepareTodaysFile).
                    sinks.File(
                        new CompactJsonFormatter(),
                        Path.Combine(options.Directory, options.FileStem + ".clef"),
                        fileSizeLimitBytes: options.FileSizeLimitBytes,
                        rollOnFileSizeLimit: true,
                        rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: options.RetainedFiles,
                        shared: true);
                }

                if (host is not null)
                {
                    sinks.Sink(new HostForwardingSink(host, options.Secure));
                }
            });

        return configuration.WriteTo.Sink(redacted).CreateLogger();
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the file Serilog is about to append to, owner-only (0600) on Unix, or tightens it when an older
    /// version left it readable: Serilog opens an existing file without changing its mode, and would create a new one
    /// with the umask (0644), so archive paths and chat titles would be readable by others. Serilog names the file
    /// by the local date (RollingInterval.Day). A command still running at midnight, or one that outgrows the size
    /// limit, gets its next file from Serilog with the umask's mode; commands are short, and the folder Spectra
    /// owns is owner-only anyway.
    /// </summary>
    private static void PrepareTodaysFile(string stem)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = stem + DateTime.Now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + ".clef";
        using (new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite | FileShare.Delete,
            UnixCreateMode = OwnerReadWrite,
        }))
        {
        }

        if (File.GetUnixFileMode(path) != OwnerReadWrite)
        {
            File.SetUnixFileMode(path, OwnerReadWrite);
        }
    }

    /// <summary>
    /// Logs describe what was archived and from where, so on Unix a folder Spectra creates is owner-only (0700), and
    /// so is an existing folder Spectra owns (the default <c>logs</c> beside the database), whatever mode it was left
    /// with. A folder the user configured keeps its mode: it may be shared on purpose (a log shipper's group, a
    /// common log root), and the files in it are owner-only anyway, so others see at most their names.
    /// </summary>
    private static void PrepareDirectory(string directory, bool owned)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory, OwnerOnly);
        if (owned && File.GetUnixFileMode(directory) != OwnerOnly)
        {
            File.SetUnixFileMode(directory, OwnerOnly);
        }
    }
}
