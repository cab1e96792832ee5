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
                    // Not shared: Serilog runs lifecycle hooks (which make each file owner-only) only for unshared files.
                    // The cost: on Unix nothing serialises two loggers appending to the same file at once (Serilog's
                    // shared mode did, with a mutex), so two commands logging into one folder together can lose lines.
                    sinks.File(
                        new CompactJsonFormatter(),
                        Path.Combine(options.Directory, options.FileStem + ".clef"),
                        fileSizeLimitBytes: options.FileSizeLimitBytes,
                        rollOnFileSizeLimit: true,
                        rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: options.RetainedFiles,
                        hooks: OwnerOnlyLogFiles.Instance);
                }

                if (host is not null)
                {
                    sinks.Sink(new HostForwardingSink(host, options.Secure));
                }
            });

        return configuration.WriteTo.Sink(redacted).CreateLogger();
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

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
