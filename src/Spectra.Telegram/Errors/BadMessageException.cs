namespace Spectra.Telegram.Errors;

/// <summary>
/// The server rejected a message with a bad_msg_notification the session cannot repair by itself (codes other than
/// the clock, sequence and salt cases it handles: 18/19/20 msg_id parity/duplicate/too old, 64 invalid container).
/// </summary>
public sealed class BadMessageException : TelegramException
{
    public BadMessageException(int errorCode)
        : base(FormattableString.Invariant($"The server rejected a message with bad_msg_notification code {errorCode}{Describe(errorCode)}."))
    {
        ErrorCode = errorCode;
    }

    public int ErrorCode { get; }

    private static string Describe(int code) => code switch
    {
        16 => " (msg_id too low: clock behind)",
        17 => " (msg_id too high: clock ahead)",
        18 => " (msg_id parity)",
        19 => " (duplicate msg_id)",
        20 => " (message too old)",
        32 or 33 => " (seq_no out of order)",
        34 or 35 => " (seq_no parity)",
        48 => " (bad server salt)",
        64 => " (invalid container)",
        _ => string.Empty,
    };
}
