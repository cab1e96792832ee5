namespace Spectra.Telegram.Errors;

/// <summary>A proxy refused or garbled the connection (SOCKS5 reply codes, authentication, unsupported MTProxy secret).</summary>
public sealed class ProxyException : TransportException
{
    public ProxyException(string message)
        : base(message)
    {
    }
}
