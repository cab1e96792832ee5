using Spectra.Telegram.Tl;

namespace Spectra.Telegram.Simulator.Api;

/// <summary>A result body, an rpc_error, or a dropped connection (fault injection).</summary>
public sealed record ApiOutcome(byte[]? Result, int ErrorCode = 0, string? ErrorMessage = null, bool Disconnect = false)
{
    public static ApiOutcome Ok(TlObject result) => new(result.ToBytes());

    public static ApiOutcome Error(int code, string message) => new(null, code, message);

    public static ApiOutcome Drop() => new(null, Disconnect: true);
}
