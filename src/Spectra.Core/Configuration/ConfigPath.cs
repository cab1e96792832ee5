using System.Globalization;
using System.Text;

namespace Spectra.Core.Configuration;

/// <summary>
/// Field paths as users read them: <c>accounts[0].api_hash</c>. Segments are strings (object keys) or ints
/// (array indexes); the string form is the key of every provenance and finding.
/// </summary>
public static class ConfigPath
{
    public static string Property(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string Index(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    public static string Format(IEnumerable<object> segments)
    {
        var path = string.Empty;
        foreach (var segment in segments)
        {
            path = segment is int index ? Index(path, index) : Property(path, (string)segment);
        }

        return path;
    }

    /// <summary>The parent path ("accounts[0].api_hash" -> "accounts[0]" -> "accounts" -> "").</summary>
    public static string Parent(string path)
    {
        if (path.EndsWith(']'))
        {
            var open = path.LastIndexOf('[');
            return open <= 0 ? string.Empty : path[..open];
        }

        var dot = path.LastIndexOf('.');
        return dot < 0 ? string.Empty : path[..dot];
    }

    /// <summary>The last key of a path, without indexes ("accounts[0].api_hash" -> "api_hash").</summary>
    public static string Leaf(string path)
    {
        var trimmed = path;
        while (trimmed.EndsWith(']'))
        {
            trimmed = trimmed[..trimmed.LastIndexOf('[')];
        }

        var dot = trimmed.LastIndexOf('.');
        return dot < 0 ? trimmed : trimmed[(dot + 1)..];
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsWithin(string path, string ancestor) =>
        ancestor.Length == 0 || path == ancestor ||
        (path.StartsWith(ancestor, StringComparison.Ordinal) && path.Length > ancestor.Length &&
         (path[ancestor.Length] == '.' || path[ancestor.Length] == '['));

    /// <summary>Joins a JSON pointer's unescaped segments into a field path, numeric segments as indexes.</summary>
    public static string FromPointerSegments(IEnumerable<string> segments)
    {
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                builder.Append('[').Append(segment).Append(']');
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(segment);
            }
        }

        return builder.ToString();
    }
}
