namespace Spectra.Telegram.Errors;

/// <summary>
/// Saved session state could not be read: wrong key, tampered or truncated data, or an unknown format version.
/// AES-GCM authentication makes the first two indistinguishable, which is intended.
/// </summary>
public sealed class SessionStoreException : TelegramException
{
    public SessionStoreException(string message)
        : base(message)
    {
    }

    public SessionStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
