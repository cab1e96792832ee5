using System.Text.RegularExpressions;

namespace Spectra.Core.Logging;

/// <summary>
/// The free-text backstop of redaction: finds credentials in rendered messages, property strings, exception text
/// and error messages, and replaces them with <see cref="Marker"/>. Structured redaction (secret-typed values and
/// secret-named properties) happens first in <see cref="RedactingSink"/>; this catches secrets that slipped into
/// text. Rules are tuned so ordinary message text (hashtags, plain URLs, ids, dates, prices) stays intact.
/// </summary>
public static partial class Redactor
{
    public const string Marker = "[REDACTED]";

    private static readonly string[] AssignmentKeywords = ["hash", "key", "pass", "pwd", "secret", "token", "phone", "session"];

    /// <summary>Returns <paramref name="text"/> with every recognised secret replaced by <see cref="Marker"/>.</summary>
    /// <remarks>
    /// Logging calls this for every string it writes, so each rule first checks cheaply (a vectorised substring search)
    /// whether it could match at all; the regexes only run on text that contains their anchor.
    /// </remarks>
    public static string Redact(string? text) => Redact(text, longRuns: true);

    /// <summary>
    /// <see cref="Redact(string?)"/> for where an error is: a file path Spectra was given, with its line and field.
    /// Every rule applies but the one for long random-looking runs: a path such as
    /// /srv/Telegram2024/PersonalArchives/spectra.db looks like key material to it, and an error that loses its file
    /// cannot be acted on, while key material is never part of a path Spectra is given (a phone number used as a
    /// session file's name still is caught by its own rule).
    /// </summary>
    public static string RedactLocation(string? text) => Redact(text, longRuns: false);

    private static string Redact(string? text, bool longRuns)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 5)
        {
            return text ?? string.Empty;
        }

        var s = text;
        if (s.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            s = PemPrivateKey().Replace(s, "-----BEGIN PRIVATE KEY-----" + Marker + "-----END PRIVATE KEY-----");
        }

        if (s.Contains("://", StringComparison.Ordinal) && s.Contains('@', StringComparison.Ordinal))
        {
            s = UrlCredentials().Replace(s, "${scheme}" + Marker + "@");
        }

        if (s.Contains("authorization", StringComparison.OrdinalIgnoreCase))
        {
            s = AuthorizationHeader().Replace(s, "${name}${sep}" + Marker);
        }

        if (s.Contains("bearer", StringComparison.OrdinalIgnoreCase) || s.Contains("basic", StringComparison.OrdinalIgnoreCase))
        {
            s = BearerOrBasic().Replace(s, "${scheme} " + Marker);
        }

        if (s.AsSpan().IndexOfAny(':', '=') >= 0)
        {
            if (ContainsAny(s, AssignmentKeywords))
            {
                s = KeyAssignment().Replace(s, ReplaceAssignment);
            }

            if (s.Length >= 44 && HasDigitsBeforeColon(s))
            {
                s = BotToken().Replace(s, Marker);
            }
        }

        if (s.Contains("code", StringComparison.OrdinalIgnoreCase))
        {
            s = LoginCode().Replace(s, "${key}" + Marker);
        }

        if (s.Length >= 100)
        {
            s = SessionString().Replace(s, Marker);
        }

        if (s.Contains('+', StringComparison.Ordinal))
        {
            s = PhoneNumber().Replace(s, Marker);
        }

        return longRuns && s.Length >= 40 ? RedactLongRuns(s) : s;
    }

    /// <summary>Bot tokens start with 8-10 digits and a colon; most text has colons (times, URLs) but not that.</summary>
    private static bool HasDigitsBeforeColon(string s)
    {
        for (var colon = s.IndexOf(':', 8); colon >= 0; colon = colon + 1 < s.Length ? s.IndexOf(':', colon + 1) : -1)
        {
            var digits = 0;
            while (digits < 8 && char.IsAsciiDigit(s[colon - 1 - digits]))
            {
                digits++;
            }

            if (digits == 8)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(string text, string[] keywords)
    {
        foreach (var keyword in keywords)
        {
            if (text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Long base64/base64url/hex runs, found by a single scan instead of a regex tried at every position: a maximal
    /// run of [A-Za-z0-9+/_-] of 40+ characters (plus '=' padding) not glued to a '.', ':' or '\' before it
    /// (paths and URLs), replaced when <see cref="LooksRandom"/> says it is key material rather than a word or hash.
    /// </summary>
    private static string RedactLongRuns(string s)
    {
        System.Text.StringBuilder? result = null;
        var copied = 0;
        var i = 0;
        while (i < s.Length)
        {
            if (!IsRunChar(s[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && IsRunChar(s[i]))
            {
                i++;
            }

            var end = i;
            while (end < s.Length && end - i < 2 && s[end] == '=')
            {
                end++;
            }

            var glued = start > 0 && s[start - 1] is '.' or ':' or '\\';
            if (i - start >= 40 && !glued && LooksRandom(s.AsSpan(start, i - start)))
            {
                result ??= new System.Text.StringBuilder(s.Length);
                result.Append(s, copied, start - copied).Append(Marker);
                copied = end;
            }

            i = end;
        }

        return result is null ? s : result.Append(s, copied, s.Length - copied).ToString();
    }

    private static bool IsRunChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '_' or '-';

    private static string ReplaceAssignment(Match match)
    {
        var value = match.Groups["value"].Value;
        var quote = value.Length > 1 && (value[0] == '"' || value[0] == '\'') ? value[0].ToString() : string.Empty;
        if (value.Trim('"', '\'') == Marker)
        {
            return match.Value;
        }

        return match.Groups["key"].Value + match.Groups["sep"].Value + quote + Marker + quote;
    }

    /// <summary>
    /// Long runs are only secrets if they look random: mixed case with digits (base64 of key material), or a very
    /// long hex dump. Content hashes (64 lowercase hex), snake_case identifiers and words stay readable.
    /// </summary>
    private static bool LooksRandom(ReadOnlySpan<char> run)
    {
        bool upper = false, lower = false, digit = false, hexOnly = true;
        foreach (var c in run)
        {
            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
            digit |= char.IsAsciiDigit(c);
            hexOnly &= char.IsAsciiHexDigit(c);
        }

        return (upper && lower && digit) || (hexOnly && run.Length > 64);
    }

    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)")]
    private static partial Regex PemPrivateKey();

    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)[^\s/@:]*:[^\s/@]*@")]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?<name>\b(?:Proxy-)?Authorization[""']?)(?<sep>\s*[:=]\s*[""']?)(?:(?:Bearer|Basic|Digest|Token|Bot)\s+)?[^\s""',;]+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    /// <summary>A token after Bearer/Basic counts only if it has a digit or symbol or is long, so "Basic information" survives.</summary>
    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic))\s+(?!\[REDACTED\])(?:(?=[A-Za-z]*[0-9._~+/-])[A-Za-z0-9._~+/-]{6,}|[A-Za-z0-9._~+/-]{20,})=*", RegexOptions.IgnoreCase)]
    private static partial Regex BearerOrBasic();

    /// <summary>key=value, key: value and JSON "key":"value" for secret-looking keys (api_hash, bot_token, db_password...).</summary>
    [GeneratedRegex(@"(?<key>[""']?(?<![A-Za-z0-9])[A-Za-z0-9_.-]*?(?:api[_-]?hash|api[_-]?key|apikey|password|passwd|pwd|secret|token|auth[_-]?key|session[_-]?string|phone[_-]?number|phone)[""']?)(?<sep>[ \t]*(?:=>|:|=)[ \t]*)(?<value>\[REDACTED\]|""[^""]*""|'[^']*'|[^\s""',;}\])]+)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyAssignment();

    /// <summary>Telegram login codes are 5-6 digits; 3-digit status codes ("error code: 404") stay readable.</summary>
    [GeneratedRegex(@"(?<key>\bcode[ \t]*(?:is|[:=])[ \t]*)\d{4,8}\b", RegexOptions.IgnoreCase)]
    private static partial Regex LoginCode();

    [GeneratedRegex(@"(?:(?<=[/_]bot)|(?<![A-Za-z0-9_-]))\d{8,10}:[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])")]
    private static partial Regex BotToken();

    /// <summary>Telethon StringSession: version '1' followed by base64url of dc, address, port and the auth key.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_=-])1[A-Za-z0-9_-]{99,}={0,2}")]
    private static partial Regex SessionString();

    /// <summary>E.164: '+', a non-zero country digit, then 9-14 more digits with common separators.</summary>
    [GeneratedRegex(@"(?<![\w+])\+[1-9](?:[ .-]?\(?\d\)?){9,14}(?![\d])")]
    private static partial Regex PhoneNumber();
}
