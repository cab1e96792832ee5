namespace Spectra.Telegram.Simulator.Api;

/// <summary>A DC clock that runs a fixed offset away from the machine's clock (clock-skew fault).</summary>
internal sealed class SkewedTimeProvider(TimeSpan skew) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + skew;
}
