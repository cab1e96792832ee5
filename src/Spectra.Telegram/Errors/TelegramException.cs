namespace Spectra.Telegram.Errors;

/// <summary>
/// Base of every error this library raises on purpose. Callers can catch this one type to tell protocol, transport
/// and server failures apart from bugs. Messages never carry key material or credentials.
/// </summary>
public class TelegramException : Exception
{
    public TelegramException(string message)
        : base(message)
    {
    }

    public TelegramException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
