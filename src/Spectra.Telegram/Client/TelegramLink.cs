using System.Text.RegularExpressions;

namespace Spectra.Telegram.Client;

/// <summary>A parsed channel reference: a public username (@name, t.me/name) or a private invite (t.me/+hash, t.me/joinchat/hash).</summary>
public sealed partial record TelegramLink(string? Username, string? InviteHash)
{
    /// <summary>Parses @name, name, [https://]t.me/name[/123], t.me/+hash, t.me/joinchat/hash (also telegram.me).</summary>
    public static TelegramLink Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        var match = LinkPattern().Match(value);
        if (match.Success)
        {
            if (match.Groups["invite"].Success)
            {
                return new TelegramLink(null, match.Groups["invite"].Value);
            }

            value = match.Groups["name"].Value;
        }
        else if (value.StartsWith('@'))
        {
            value = value[1..];
        }

        if (!UsernamePattern().IsMatch(value))
        {
            throw new FormatException("'" + text + "' is not a Telegram username or t.me link (expected @name, t.me/name, t.me/+hash or t.me/joinchat/hash).");
        }

        return new TelegramLink(value, null);
    }

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?(?:t|telegram)\.me/(?:(?:\+|joinchat/)(?<invite>[A-Za-z0-9_-]+)|(?<name>[A-Za-z0-9_]+))(?:/\d+)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{3,31}$")]
    private static partial Regex UsernamePattern();
}
