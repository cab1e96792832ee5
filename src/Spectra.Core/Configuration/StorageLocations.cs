using System.Text.Json.Nodes;
using Spectra.Core.Errors;

namespace Spectra.Core.Configuration;

/// <summary>
/// Where the archive, its media and the log files are, from explicit arguments over the configuration layers.
/// Relative paths resolve against the folder of the file they were written in (config file or .env); a relative
/// path from an environment variable resolves against the caller's current directory. The built-in defaults put
/// spectra.db in the current directory and media/ and logs/ beside the database.
/// </summary>
public sealed record StorageLocations(string DatabasePath, string MediaDirectory, string? LogDirectory, string? ConfigFile)
{
    /// <summary>True when logging.directory was set by a file, .env or variable (not the built-in default).</summary>
    public bool LogDirectoryConfigured { get; init; }

    public const string DefaultLogFolder = "logs";

    /// <param name="config">The loaded configuration; null means built-in defaults only.</param>
    /// <param name="currentDirectory">The caller's current file-system directory (in PowerShell, the current location).</param>
    /// <param name="database">An explicit database path (already a full path), which wins over every layer.</param>
    /// <param name="mediaDirectory">An explicit media directory (already a full path), which wins over every layer.</param>
    /// <exception cref="SpectraException">ConfigInvalid when a storage or logging value is not text.</exception>
    public static StorageLocations Resolve(LoadedConfig? config, string currentDirectory, string? database = null, string? mediaDirectory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(currentDirectory);
        var databasePath = !string.IsNullOrWhiteSpace(database)
            ? Path.GetFullPath(database, currentDirectory)
            : ResolveValue(config, "storage", "database", currentDirectory, null) ?? Path.Combine(currentDirectory, "spectra.db");
        var besideDatabase = Path.GetDirectoryName(databasePath) ?? currentDirectory;
        var media = !string.IsNullOrWhiteSpace(mediaDirectory)
            ? Path.GetFullPath(mediaDirectory, currentDirectory)
            : ResolveValue(config, "storage", "media_dir", currentDirectory, besideDatabase) ?? Path.Combine(besideDatabase, "media");
        var logs = ResolveValue(config, "logging", "directory", currentDirectory, besideDatabase);
        return new StorageLocations(databasePath, media, logs, config?.FilePath)
        {
            LogDirectoryConfigured = config is not null && config.OriginOf("logging.directory").Source != ConfigSource.Default,
        };
    }

    /// <summary>
    /// A path value with its base: the folder of the file it came from, the current directory for a variable, and
    /// <paramref name="defaultBase"/> for the built-in default (null: the caller applies its own default).
    /// An empty string means "not set".
    /// </summary>
    private static string? ResolveValue(LoadedConfig? config, string section, string key, string currentDirectory, string? defaultBase)
    {
        if (config is null)
        {
            return defaultBase is null ? null : Path.Combine(defaultBase, key == "directory" ? DefaultLogFolder : "media");
        }

        var field = section + "." + key;
        var origin = config.OriginOf(field);
        var node = (config.Document[section] as JsonObject)?[key];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            throw new SpectraException("ConfigInvalid", SpectraErrorCategory.InvalidData,
                $"The configuration value {field} (from {origin.Describe()}) must be a path (text).",
                "Write the path as a JSON string, or run Test-SpectraConfig for every problem with its fix.",
                new ErrorLocation(origin.File, origin.Line, field));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var baseDirectory = origin.Source switch
        {
            ConfigSource.File or ConfigSource.DotEnv when origin.File is not null => Path.GetDirectoryName(origin.File) ?? currentDirectory,
            ConfigSource.Default when defaultBase is not null => defaultBase,
            _ => currentDirectory,
        };
        return Path.GetFullPath(text, baseDirectory);
    }
}
