namespace Spectra.Telegram.Errors;

/// <summary>A framing, socket or proxy failure below MTProto: bad frame length, closed connection, timeout.</summary>
public class TransportException : TelegramException
{
    public TransportException(string message)
        : base(message)
    {
    }

    public TransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
