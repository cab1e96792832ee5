namespace Spectra.Telegram.Errors;

/// <summary>The auth-key exchange could not complete (unknown server key, dh_gen_fail, retries exhausted, unexpected answer).</summary>
public sealed class AuthKeyExchangeException : TelegramException
{
    public AuthKeyExchangeException(string message)
        : base(message)
    {
    }
}
