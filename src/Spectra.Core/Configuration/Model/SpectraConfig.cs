namespace Spectra.Core.Configuration.Model;

/// <summary>The typed configuration the engine runs on (snake_case JSON keys, see module/schema/spectra_config.schema.json).</summary>
public sealed record SpectraConfig
{
    public IReadOnlyList<AccountConfig> Accounts { get; init; } = [];

    public IReadOnlyList<TargetConfig> Targets { get; init; } = [];

    public StorageConfig Storage { get; init; } = new();

    public ArchiveConfig Archive { get; init; } = new();

    public ResilienceConfig Resilience { get; init; } = new();

    public LoggingConfig Logging { get; init; } = new();

    public HealthConfig Health { get; init; } = new();

    /// <summary>The optional "$schema" key editors use; ignored by the engine.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; init; }
}
