using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Spectra.Telegram.Transport;

/// <summary>
/// A "host:port" endpoint as users type it; IPv6 literals go in brackets ("[::1]:443") because their colons would
/// otherwise be ambiguous with the port separator.
/// </summary>
public readonly record struct HostPort(string Host, int Port)
{
    /// <summary>Parses "host:port", "1.2.3.4:port" or "[v6]:port". Throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static HostPort Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        string host;
        string port;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':')
            {
                throw new FormatException("An IPv6 endpoint is written '[address]:port', for example '[2001:db8::1]:443'.");
            }

            host = text[1..close];
            port = text[(close + 2)..];
            if (!IPAddress.TryParse(host, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
            {
                throw new FormatException("The text in brackets is not an IPv6 address.");
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException("An endpoint is written 'host:port', for example '149.154.167.50:443'.");
            }

            host = text[..colon];
            port = text[(colon + 1)..];
            if (host.Contains(':', StringComparison.Ordinal))
            {
                throw new FormatException("Put an IPv6 address in brackets: '[address]:port'.");
            }

            if (host.Any(char.IsWhiteSpace) || host.Contains('/', StringComparison.Ordinal) || host.Contains('@', StringComparison.Ordinal))
            {
                throw new FormatException("The host part is not a host name or IP address.");
            }
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw new FormatException("The port must be a number from 1 to 65535.");
        }

        return new HostPort(host, number);
    }

    /// <summary>
    /// Endpoint text that failed to parse, safe to quote in an error: it may be a proxy pasted into the wrong
    /// parameter, so credentials before '@', a query string (an MTProxy link's secret) and anything after
    /// host:port (the short MTProxy form host:port:secret) become "***".
    /// </summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.Trim();
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        var prefix = scheme >= 0 ? rest[..(scheme + 3)] : string.Empty;
        rest = rest[prefix.Length..];
        var suffix = string.Empty;
        var query = rest.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            rest = rest[..query];
            suffix = "?***";
        }

        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            rest = rest[(at + 1)..];
            prefix += "***@";
        }

        var parts = rest.Split(':', 3);
        if (parts.Length == 3 && parts[0].Length > 0 && parts[1].Length > 0 && parts[1].All(char.IsAsciiDigit))
        {
            rest = parts[0] + ":" + parts[1] + ":***";
        }

        return prefix + rest + suffix;
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
