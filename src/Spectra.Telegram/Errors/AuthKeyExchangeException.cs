namespace Spectra.Telegram.Errors;

/// <summary>The auth-key exchange could not complete (unknown server key, dh_gen_fail, retries exhausted, unexpected answer).</summary>
public sealed class AuthKeyExchangeException : TelegramException
{
    public AuthKeyExchangeException(string message)
        : base(message)
    {
    }

    /// <summary>True when the server offered only RSA keys the client does not trust (a wrong key file, or not a Telegram server).</summary>
    public bool ServerKeyUntrusted { get; init; }
}
