using System.Text.Json.Nodes;
using Serilog.Events;
using Spectra.Core.Configuration;
using Spectra.Core.Configuration.Model;
using Spectra.Core.Errors;

namespace Spectra.Core.Logging;

/// <summary>The one mapping from the configuration's logging section (level, directory, secure) to <see cref="LoggingOptions"/>.</summary>
public static class LoggingOptionsMapper
{
    /// <param name="config">The loaded configuration; null means built-in defaults.</param>
    /// <param name="locations">Resolved locations; <see cref="StorageLocations.LogDirectory"/> is the file sink's folder (null: no file).</param>
    /// <param name="atLeastDebug">The host asked for debug output (PowerShell -Debug): lower the level to Debug if it is higher.</param>
    public static LoggingOptions From(LoadedConfig? config, StorageLocations locations, bool atLeastDebug = false)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var logging = config?.Document["logging"] as JsonObject;
        var levelText = Text(config, logging, "level") ?? "Information";
        var level = Enum.Parse<LogEventLevel>(new LoggingConfig { Level = levelText }.CanonicalLevel);
        if (atLeastDebug && level > LogEventLevel.Debug)
        {
            level = LogEventLevel.Debug;
        }

        var secure = true;
        if (logging?["secure"] is JsonNode node)
        {
            if (node is not JsonValue value || !value.TryGetValue(out secure))
            {
                throw Invalid(config!, "logging.secure", "must be true or false");
            }
        }

        return new LoggingOptions
        {
            Level = level,
            Directory = locations.LogDirectory,
            OwnsDirectory = !locations.LogDirectoryConfigured,
            Secure = secure,
        };
    }

    private static string? Text(LoadedConfig? config, JsonObject? section, string key)
    {
        var node = section?[key];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw Invalid(config!, "logging." + key, "must be text");
    }

    private static SpectraException Invalid(LoadedConfig config, string field, string what)
    {
        var origin = config.OriginOf(field);
        return new SpectraException("ConfigInvalid", SpectraErrorCategory.InvalidData,
            $"The configuration value {field} (from {origin.Describe()}) {what}.",
            "Run Test-SpectraConfig for every problem with its fix.",
            new ErrorLocation(origin.File, origin.Line, field));
    }
}
