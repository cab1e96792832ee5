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
                    CreatePrivateDirectory(options.Directory);
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

    /// <summary>Logs describe what was archived and from where; on Unix only the owner may read them.</summary>
    private static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
