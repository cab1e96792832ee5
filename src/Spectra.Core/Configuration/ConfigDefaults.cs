using System.Text.Json.Nodes;

namespace Spectra.Core.Configuration;

/// <summary>
/// The embedded defaults: the lowest layer, enough to run with no file at all. Unlike the original tool, nothing
/// here is a placeholder credential or proxy, and loading never writes a file.
/// </summary>
public static class ConfigDefaults
{
    public static JsonObject Create() => new()
    {
        ["accounts"] = new JsonArray(),
        ["targets"] = new JsonArray(),
        ["storage"] = new JsonObject
        {
            ["database"] = "spectra.db",
            ["media_dir"] = "media",
        },
        ["archive"] = new JsonObject
        {
            ["batch_size"] = 500,
            ["max_concurrent_downloads"] = 4,
            ["parts_per_file"] = 4,
        },
        ["resilience"] = new JsonObject
        {
            ["max_retries"] = 5,
            ["base_delay_seconds"] = 1.0,
            ["max_delay_seconds"] = 300.0,
            ["flood_wait_failover_seconds"] = 60,
        },
        ["logging"] = new JsonObject
        {
            ["level"] = "Information",
            ["directory"] = "logs",
            ["secure"] = true,
        },
        ["health"] = new JsonObject
        {
            ["endpoint"] = "http://127.0.0.1:9464/",
            ["thresholds"] = new JsonObject
            {
                ["cpu_percent_degraded"] = 70.0,
                ["cpu_percent_critical"] = 90.0,
                ["memory_percent_degraded"] = 75.0,
                ["memory_percent_critical"] = 90.0,
                ["disk_free_gb_degraded"] = 5.0,
                ["disk_free_gb_critical"] = 1.0,
            },
        },
    };

    /// <summary>The name an account gets when it is created only from TG_API_ID / TG_API_HASH.</summary>
    public const string ImplicitAccountName = "default";

    public const string DefaultFileName = "spectra_config.json";
}
