using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Tests.Transport;

/// <summary>Endpoint strings: host names, IPv4 and bracketed IPv6, with the port checked.</summary>
public sealed class HostPortTests
{
    [Theory]
    [InlineData("149.154.167.50:443", "149.154.167.50", 443, "149.154.167.50:443")]
    [InlineData(" dc.example:80 ", "dc.example", 80, "dc.example:80")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1", 443, "[2001:db8::1]:443")]
    [InlineData("[::1]:65535", "::1", 65535, "[::1]:65535")]
    public void Parses_and_round_trips(string text, string host, int port, string shown)
    {
        var endpoint = HostPort.Parse(text);
        Assert.Equal((host, port), (endpoint.Host, endpoint.Port));
        Assert.Equal(shown, endpoint.ToString());
    }

    [Theory]
    [InlineData("host")]
    [InlineData(":443")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("host:-1")]
    [InlineData("host:https")]
    [InlineData("2001:db8::1:443")]
    [InlineData("[2001:db8::1]443")]
    [InlineData("[notv6]:443")]
    [InlineData("[1.2.3.4]:443")]
    [InlineData("user@host:443")]
    public void Rejects_malformed_endpoints(string text) => Assert.Throws<FormatException>(() => HostPort.Parse(text));

    [Theory]
    [InlineData("socks5://alice:pw@127.0.0.1:1080", "socks5://***@127.0.0.1:1080")]
    [InlineData("alice:pw@host:1080", "***@host:1080")]
    [InlineData("host:443:dd0123456789abcdef0123456789abcdef", "host:443:***")]
    [InlineData("tg://proxy?server=h&port=443&secret=0123", "tg://proxy?***")]
    [InlineData("no-port-here", "no-port-here")]
    [InlineData("2001:db8::1:443", "2001:db8::1:443")]
    [InlineData("[::1]:x", "[::1]:x")]
    public void Mask_hides_what_would_be_a_proxy_credential(string text, string shown) => Assert.Equal(shown, HostPort.Mask(text));
}
