using System.Text;
using System.Text.RegularExpressions;

namespace Spectra.Core.Configuration;

/// <summary>
/// Reads the common .env dialect: <c>KEY=value</c>, optional <c>export</c> (then spaces or tabs), blank lines and
/// <c>#</c> comments, unquoted values (an inline comment needs a space before <c>#</c>), 'single-quoted' literal values and
/// "double-quoted" values with \n, \t, \" and \\ escapes. Unreadable lines become problems, not exceptions, so one
/// typo does not hide every other setting.
/// </summary>
public static partial class DotEnvParser
{
    public static DotEnvFile Parse(string path, string text)
    {
        var entries = new List<DotEnvEntry>();
        var problems = new List<DotEnvProblem>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // Like bash, any blank (space or tab) may follow export.
            if (line.StartsWith("export", StringComparison.Ordinal) && line.Length > "export".Length && line["export".Length] is ' ' or '\t')
            {
                line = line["export".Length..].TrimStart();
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                problems.Add(new DotEnvProblem(lineNumber, "the line is not a KEY=VALUE assignment; write NAME=value or start it with # to comment it out"));
                continue;
            }

            var name = line[..equals].Trim();
            if (!NamePattern().IsMatch(name))
            {
                problems.Add(new DotEnvProblem(lineNumber, "the variable name is not valid; use letters, digits and underscores, not starting with a digit"));
                continue;
            }

            var raw = line[(equals + 1)..].TrimStart();
            var value = ReadValue(raw, out var error);
            if (error is not null)
            {
                problems.Add(new DotEnvProblem(lineNumber, $"{name}: {error}"));
                continue;
            }

            entries.Add(new DotEnvEntry(name, value, lineNumber));
        }

        return new DotEnvFile(path, entries, problems);
    }

    private static string ReadValue(string raw, out string? error)
    {
        error = null;
        if (raw.Length == 0)
        {
            return string.Empty;
        }

        var quote = raw[0];
        if (quote is '\'' or '"')
        {
            var close = FindClosingQuote(raw, quote);
            if (close < 0)
            {
                error = $"the value starts with {quote} but has no closing {quote} on the same line; close the quote";
                return string.Empty;
            }

            var rest = raw[(close + 1)..].Trim();
            if (rest.Length > 0 && rest[0] != '#')
            {
                error = "there is text after the closing quote; remove it or start it with # as a comment";
                return string.Empty;
            }

            var inner = raw[1..close];
            return quote == '\'' ? inner : Unescape(inner);
        }

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        var tab = raw.IndexOf("\t#", StringComparison.Ordinal);
        if (tab >= 0 && (comment < 0 || tab < comment))
        {
            comment = tab;
        }

        return (comment >= 0 ? raw[..comment] : raw).TrimEnd();
    }

    private static int FindClosingQuote(string raw, char quote)
    {
        for (var i = 1; i < raw.Length; i++)
        {
            if (quote == '"' && raw[i] == '\\')
            {
                i++;
                continue;
            }

            if (raw[i] == quote)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unescape(string inner)
    {
        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != '\\' || i == inner.Length - 1)
            {
                builder.Append(inner[i]);
                continue;
            }

            i++;
            builder.Append(inner[i] switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                var other => other,
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();
}
