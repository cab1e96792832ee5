namespace Spectra.Core.Configuration.Model;

/// <summary>Retry and back-off settings; flood waits longer than FloodWaitFailoverSeconds move work to another account.</summary>
public sealed record ResilienceConfig
{
    public int MaxRetries { get; init; } = 5;

    public double BaseDelaySeconds { get; init; } = 1.0;

    public double MaxDelaySeconds { get; init; } = 300.0;

    public int FloodWaitFailoverSeconds { get; init; } = 60;
}
