using System.Globalization;

namespace Spectra.Telegram.Transport;

/// <summary>
/// A proxy as users write it: "socks5://[user:pass@]host:port", an MTProxy link ("tg://proxy?server=..&amp;port=..&amp;secret=.."
/// or "https://t.me/proxy?..."), a SOCKS link ("tg://socks?server=..&amp;port=..[&amp;user=..&amp;pass=..]") or the short
/// MTProxy form "host:port:secret". Parse errors never quote the input, which may hold a password or secret;
/// <see cref="ToString"/> masks both.
/// </summary>
public sealed class ProxyAddress
{
    private ProxyAddress(Socks5Proxy? socks5, HostPort? mtProxyServer, MtProxySecret? secret)
    {
        Socks5 = socks5;
        MtProxyServer = mtProxyServer;
        MtProxySecret = secret;
    }

    /// <summary>Set for a SOCKS5 proxy: the target endpoint stays the DC, the TCP connection goes through the proxy.</summary>
    public Socks5Proxy? Socks5 { get; }

    /// <summary>Set for an MTProxy: the TCP connection goes to the proxy, which picks the DC from the obfuscated2 header.</summary>
    public HostPort? MtProxyServer { get; }

    public MtProxySecret? MtProxySecret { get; }

    public static ProxyAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.StartsWith("socks5://", StringComparison.OrdinalIgnoreCase))
        {
            return ParseSocksUrl(text["socks5://".Length..]);
        }

        foreach (var (prefix, socks) in new[] { ("tg://proxy?", false), ("https://t.me/proxy?", false), ("http://t.me/proxy?", false), ("tg://socks?", true), ("https://t.me/socks?", true), ("http://t.me/socks?", true) })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return ParseLink(text[prefix.Length..], socks);
            }
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            throw new FormatException("Unsupported proxy scheme: use socks5://, tg://proxy, tg://socks, https://t.me/proxy or host:port:secret.");
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            throw new FormatException("A proxy is written socks5://host:port, as an MTProxy link, or as host:port:secret.");
        }

        return MtProxy(HostPort.Parse(text[..colon]), text[(colon + 1)..]);
    }

    /// <summary>Routes <paramref name="options"/> through this proxy (an MTProxy forces obfuscated2).</summary>
    public TransportOptions ApplyTo(TransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Socks5 is not null)
        {
            return options with { Socks5 = Socks5 };
        }

        var server = MtProxyServer!.Value;
        return options with { Host = server.Host, Port = server.Port, Obfuscated = true, MtProxy = MtProxySecret };
    }

    /// <summary>The proxy with its password or secret masked, safe for any output.</summary>
    public override string ToString() =>
        Socks5 is not null ? Socks5.ToString() : "mtproxy://" + MtProxyServer!.Value + " (secret hidden)";

    private static ProxyAddress ParseSocksUrl(string rest)
    {
        rest = rest.TrimEnd('/');
        string? user = null;
        string? pass = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                // Not "socks5://user:password@...": callers redact messages, and that form reads as a credential.
                throw new FormatException("SOCKS5 credentials are written USER:PASSWORD@ before the host.");
            }

            user = Uri.UnescapeDataString(userInfo[..colon]);
            pass = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }

        return Socks(HostPort.Parse(rest), user, pass);
    }

    private static ProxyAddress ParseLink(string query, bool socks)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[Uri.UnescapeDataString(pair[..eq])] = Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        }

        if (!values.TryGetValue("server", out var host) || host.Length == 0 || !values.TryGetValue("port", out var portText))
        {
            throw new FormatException("A proxy link needs server= and port=.");
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException("The proxy link's port must be a number from 1 to 65535.");
        }

        var server = new HostPort(host.Trim('[', ']'), port);
        if (socks)
        {
            values.TryGetValue("user", out var user);
            values.TryGetValue("pass", out var pass);
            return Socks(server, string.IsNullOrEmpty(user) ? null : user, string.IsNullOrEmpty(user) ? null : pass ?? string.Empty);
        }

        if (!values.TryGetValue("secret", out var secret) || secret.Length == 0)
        {
            throw new FormatException("An MTProxy link needs its secret parameter.");
        }

        return MtProxy(server, secret);
    }

    private static ProxyAddress Socks(HostPort server, string? user, string? pass)
    {
        try
        {
            return new ProxyAddress(new Socks5Proxy(server.Host, server.Port, user, pass), null, null);
        }
        catch (ArgumentException ex)
        {
            // The argument exceptions name limits, never the values; still, do not chain them to the caller.
            throw new FormatException(ex.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static ProxyAddress MtProxy(HostPort server, string secret) => new(null, server, MtProxySecret.Parse(secret));
}
