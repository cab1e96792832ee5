using Spectra.Telegram.Client;

namespace Spectra.Telegram.Tests.Client;

public sealed class TelegramLinkTests
{
    [Theory]
    [InlineData("durov", "durov", null)]
    [InlineData("@durov", "durov", null)]
    [InlineData("https://t.me/durov", "durov", null)]
    [InlineData("t.me/durov/123", "durov", null)]
    [InlineData("http://telegram.me/durov/", "durov", null)]
    [InlineData("https://t.me/+AbC-d_1", null, "AbC-d_1")]
    [InlineData("t.me/joinchat/XyZ", null, "XyZ")]
    public void Parses_usernames_and_invites(string text, string? username, string? invite)
    {
        Assert.Equal(new TelegramLink(username, invite), TelegramLink.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("https://example.com/durov")]
    [InlineData("t.me/")]
    [InlineData("1abc")]
    public void Rejects_what_is_not_a_reference(string text)
    {
        Assert.Throws<FormatException>(() => TelegramLink.Parse(text));
    }

    [Fact]
    public void Options_never_print_the_api_hash()
    {
        var options = new TelegramClientOptions { ApiId = 7, ApiHash = "feedfacecafebeef", InitialDc = new DcEndpoint(2, "127.0.0.1", 443) };
        Assert.DoesNotContain("feedfacecafebeef", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("api_id 7", options.ToString(), StringComparison.Ordinal);
    }
}
