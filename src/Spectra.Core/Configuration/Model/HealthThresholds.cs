namespace Spectra.Core.Configuration.Model;

/// <summary>Resource thresholds: percentages for CPU and memory, free gigabytes for disk (lower is worse).</summary>
public sealed record HealthThresholds
{
    public double CpuPercentDegraded { get; init; } = 70;

    public double CpuPercentCritical { get; init; } = 90;

    public double MemoryPercentDegraded { get; init; } = 75;

    public double MemoryPercentCritical { get; init; } = 90;

    public double DiskFreeGbDegraded { get; init; } = 5;

    public double DiskFreeGbCritical { get; init; } = 1;
}
