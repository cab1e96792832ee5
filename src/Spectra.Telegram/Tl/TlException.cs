namespace Spectra.Telegram.Tl;

/// <summary>
/// Raised for any malformed or unsupported TL data: truncated input, an over-long length prefix, an unknown
/// constructor id. Readers throw only this type, so a hostile packet can never surface as an arbitrary exception.
/// </summary>
public class TlException : Exception
{
    public TlException(string message)
        : base(message)
    {
    }

    public TlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
