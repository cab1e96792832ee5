using Serilog.Core;
using Serilog.Events;
using Spectra.Core.Configuration;
using Spectra.Core.Errors;
using Spectra.Core.Logging;

namespace Spectra.Core.Hosting;

/// <summary>
/// What one host command needs from the configuration: the resolved archive locations and a logger built from the
/// logging section. The session is itself the <see cref="IHostMessageSink"/> to give engine services: their log
/// lines go through Serilog (redacted, to the compact-JSON file and back to <c>host</c>), progress goes straight to
/// the host. Hosts see no Serilog type, which keeps Serilog inside the engine's load context.
/// </summary>
public sealed class EngineSession : IHostMessageSink, IDisposable
{
    private readonly Logger _logger;
    private readonly IHostMessageSink _host;

    private EngineSession(StorageLocations locations, Logger logger, IHostMessageSink host)
    {
        Locations = locations;
        _logger = logger;
        _host = host;
    }

    public StorageLocations Locations { get; }

    public string DatabasePath => Locations.DatabasePath;

    public string MediaDirectory => Locations.MediaDirectory;

    /// <summary>Where the log file is written, or null when there is none.</summary>
    public string? LogDirectory { get; private set; }

    /// <param name="configPath">An explicit config file, else SPECTRA_CONFIG, else spectra_config.json in <paramref name="currentDirectory"/>.</param>
    /// <param name="environment">A snapshot of the process environment (the engine never reads it itself).</param>
    /// <param name="currentDirectory">The host's current directory: the default file and relative variable paths resolve here.</param>
    /// <param name="host">Receives every (redacted) log event and all progress.</param>
    /// <param name="database">An explicit archive path; when given, a configuration that cannot be read only costs a warning.</param>
    /// <param name="mediaDirectory">An explicit media directory (full path), over every configuration layer.</param>
    /// <param name="atLeastDebug">The host asked for debug output: log Debug events even when the configured level is higher.</param>
    /// <param name="archiveCommand">False for commands that work on no archive: they write a log file only when logging.directory is configured (the default folder beside a database would land in the current directory).</param>
    /// <param name="writeLogFile">False for a dry run (-WhatIf): nothing is created on disk, events still reach the host.</param>
    /// <param name="requireConfig">False for commands that need no archive: a broken configuration is then a warning.</param>
    /// <exception cref="SpectraException">The configuration could not be loaded (file, line and field in the location).</exception>
    public static EngineSession Open(string? configPath, IReadOnlyDictionary<string, string> environment, string currentDirectory,
        IHostMessageSink host, string? database = null, string? mediaDirectory = null, bool atLeastDebug = false, bool requireConfig = true,
        bool writeLogFile = true, bool archiveCommand = true)
    {
        ArgumentNullException.ThrowIfNull(host);
        LoadedConfig? config = null;
        SpectraException? configProblem = null;
        StorageLocations locations;
        LoggingOptions options;
        try
        {
            config = SpectraConfigLoader.Load(configPath, environment, currentDirectory);
            locations = StorageLocations.Resolve(config, currentDirectory, database, mediaDirectory);
            options = LoggingOptionsMapper.From(config, locations, atLeastDebug);
        }
        catch (SpectraException ex) when (!requireConfig || !string.IsNullOrWhiteSpace(database))
        {
            configProblem = ex;
            config = null;
            locations = StorageLocations.Resolve(null, currentDirectory, database, mediaDirectory);
            options = LoggingOptionsMapper.From(null, locations, atLeastDebug);
        }

        if (!writeLogFile || (!archiveCommand && !locations.LogDirectoryConfigured))
        {
            options = options with { Directory = null };
        }

        var session = new EngineSession(locations, CreateLogger(options, host, out var fileProblem), host)
        {
            LogDirectory = fileProblem is null ? options.Directory : null,
        };
        if (configProblem is not null)
        {
            session._logger.Warning("The configuration was not used ({ErrorId}: {Problem}); built-in defaults apply", configProblem.ErrorId, configProblem.Message);
        }

        if (fileProblem is not null)
        {
            session._logger.Warning("No log file: the log directory {Directory} cannot be created ({Problem})", options.Directory, fileProblem);
        }

        session._logger.Debug("Configuration {ConfigFile}; archive {Database}; media {MediaDirectory}; log directory {LogDirectory}; level {Level}",
            config?.FilePath ?? "(none, defaults and environment)", locations.DatabasePath, locations.MediaDirectory,
            session.LogDirectory ?? "(none)", options.Level);
        return session;
    }

    public void Log(HostLogLevel level, string message) =>
        _logger.Write(level switch
        {
            HostLogLevel.Debug => LogEventLevel.Debug,
            HostLogLevel.Verbose => LogEventLevel.Information,
            _ => LogEventLevel.Warning,
        }, "{Message:l}", message);

    public void Progress(ProgressInfo progress) => _host.Progress(progress);

    /// <summary>Flushes and closes the log file.</summary>
    public void Dispose() => _logger.Dispose();

    private static Logger CreateLogger(LoggingOptions options, IHostMessageSink host, out string? fileProblem)
    {
        fileProblem = null;
        try
        {
            return SpectraLogging.CreateLogger(options, host);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unwritable log folder must not stop the archive work; the host still gets every event.
            fileProblem = ex.GetType().Name;
            return SpectraLogging.CreateLogger(options with { Directory = null }, host);
        }
    }
}
