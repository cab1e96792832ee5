namespace Spectra.Telegram.Rpc;

/// <summary>FLOOD_WAIT_X / FLOOD_PREMIUM_WAIT_X (and the similar SLOWMODE/TAKEOUT delays): retry no sooner than <see cref="Seconds"/>.</summary>
public sealed class FloodWaitException : RpcException
{
    public FloodWaitException(int code, string errorMessage, int seconds, bool premium)
        : base(code, errorMessage)
    {
        Seconds = seconds;
        IsPremiumWait = premium;
    }

    public int Seconds { get; }

    public bool IsPremiumWait { get; }

    public TimeSpan Delay => TimeSpan.FromSeconds(Seconds);
}
