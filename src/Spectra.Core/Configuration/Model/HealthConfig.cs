namespace Spectra.Core.Configuration.Model;

/// <summary>The health/metrics HTTP endpoint and the resource thresholds that mark the process degraded or critical.</summary>
public sealed record HealthConfig
{
    public string Endpoint { get; init; } = "http://127.0.0.1:9464/";

    public HealthThresholds Thresholds { get; init; } = new();
}
