using Spectra.Telegram.Errors;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Tests.Transport;

/// <summary>Proxy strings as users paste them: SOCKS5 URLs, MTProxy links and host:port:secret, with secrets masked.</summary>
public sealed class ProxyAddressTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Socks5_url_with_escaped_credentials_and_ipv6_host()
    {
        var proxy = ProxyAddress.Parse("socks5://alice:p%40ss%3Aword@[::1]:1080");
        Assert.NotNull(proxy.Socks5);
        Assert.Equal(("alice", "p@ss:word", "::1", 1080), (proxy.Socks5!.Username, proxy.Socks5.Password, proxy.Socks5.Host, proxy.Socks5.Port));
        Assert.DoesNotContain("p@ss", proxy.ToString(), StringComparison.Ordinal);
        Assert.Contains("alice:***@", proxy.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Socks5_without_credentials_routes_through_the_proxy_and_keeps_the_target()
    {
        var options = ProxyAddress.Parse("SOCKS5://proxy.example:9050/").ApplyTo(new TransportOptions { Host = "10.0.0.1", Port = 443 });
        Assert.Equal(("10.0.0.1", 443, "proxy.example", 9050, (string?)null), (options.Host, options.Port, options.Socks5!.Host, options.Socks5.Port, options.Socks5.Username));
        Assert.Null(options.MtProxy);
    }

    [Theory]
    [InlineData("tg://proxy?server=mt.example&port=8443&secret=dd" + Secret)]
    [InlineData("https://t.me/proxy?server=mt.example&port=8443&secret=dd" + Secret)]
    [InlineData("mt.example:8443:dd" + Secret)]
    public void MtProxy_forms_connect_to_the_proxy_with_obfuscation_and_hide_the_secret(string text)
    {
        var proxy = ProxyAddress.Parse(text);
        var options = proxy.ApplyTo(new TransportOptions { Host = "149.154.167.50", Port = 443 });
        Assert.Equal(("mt.example", 8443, true), (options.Host, options.Port, options.Obfuscated));
        Assert.True(options.MtProxy!.RequiresPadding);
        Assert.Equal(Convert.FromHexString(Secret), options.MtProxy.Key.ToArray());
        Assert.Equal("mtproxy://mt.example:8443 (secret hidden)", proxy.ToString());
    }

    [Fact]
    public void Tg_socks_link_carries_credentials()
    {
        var proxy = ProxyAddress.Parse("tg://socks?server=127.0.0.1&port=1080&user=bob&pass=hunter2");
        Assert.Equal(("bob", "hunter2", 1080), (proxy.Socks5!.Username, proxy.Socks5.Password, proxy.Socks5.Port));
        Assert.DoesNotContain("hunter2", proxy.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://proxy:8080")]
    [InlineData("socks5://user@host:1080")]
    [InlineData("socks5://host")]
    [InlineData("tg://proxy?server=h&secret=" + Secret)]
    [InlineData("tg://proxy?server=h&port=99999&secret=" + Secret)]
    [InlineData("tg://proxy?server=h&port=443")]
    [InlineData("justahost")]
    public void Malformed_proxies_are_format_errors(string text) =>
        Assert.Throws<FormatException>(() => ProxyAddress.Parse(text));

    [Fact]
    public void Errors_never_quote_the_password_or_secret()
    {
        var socks = Assert.Throws<FormatException>(() => ProxyAddress.Parse("socks5://u:topsecretpw@host:notaport"));
        Assert.DoesNotContain("topsecretpw", socks.Message, StringComparison.Ordinal);
        var mt = Assert.Throws<ProxyException>(() => ProxyAddress.Parse("host:443:abcdef0123456789"));
        Assert.DoesNotContain("abcdef0123456789", mt.Message, StringComparison.Ordinal);
    }
}
