namespace Spectra.Core.Configuration.Model;

/// <summary>Proxy protocols the client supports.</summary>
public enum ProxyKind
{
    Socks5,
    Mtproxy,
}
