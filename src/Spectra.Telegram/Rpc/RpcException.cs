using System.Globalization;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Rpc;

/// <summary>
/// An rpc_error answer. <see cref="Create"/> maps the error text to a typed subclass where the client or its caller
/// must react (waits, DC migrations, authorization states, stale file references, private channels); everything else
/// stays a plain RpcException carrying the code and the text.
/// </summary>
public class RpcException : TelegramException
{
    public RpcException(int code, string errorMessage)
        : base(FormattableString.Invariant($"Telegram answered {code} {errorMessage}."))
    {
        Code = code;
        ErrorMessage = errorMessage;
    }

    public int Code { get; }

    /// <summary>The server's error text, e.g. FLOOD_WAIT_17.</summary>
    public string ErrorMessage { get; }

    public static RpcException Create(int code, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TrySuffix(message, "FLOOD_WAIT_", out var seconds) || TrySuffix(message, "FLOOD_PREMIUM_WAIT_", out seconds)
            || TrySuffix(message, "SLOWMODE_WAIT_", out seconds) || TrySuffix(message, "TAKEOUT_INIT_DELAY_", out seconds))
        {
            return new FloodWaitException(code, message, seconds, message.StartsWith("FLOOD_PREMIUM_WAIT_", StringComparison.Ordinal));
        }

        foreach (var kind in MigrateException.Kinds)
        {
            if (TrySuffix(message, kind + "_MIGRATE_", out var dc))
            {
                return new MigrateException(code, message, kind, dc);
            }
        }

        return message switch
        {
            "AUTH_KEY_UNREGISTERED" or "SESSION_REVOKED" or "SESSION_EXPIRED" or "USER_DEACTIVATED" or "USER_DEACTIVATED_BAN" or "AUTH_KEY_INVALID"
                => new UnauthorizedException(code, message),
            "SESSION_PASSWORD_NEEDED" => new SessionPasswordNeededException(code, message),
            "FILE_REFERENCE_EXPIRED" => new FileReferenceExpiredException(code, message),
            "CHANNEL_PRIVATE" => new ChannelPrivateException(code, message),
            _ => new RpcException(code, message),
        };
    }

    private static bool TrySuffix(string message, string prefix, out int value)
    {
        value = 0;
        return message.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(message.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
