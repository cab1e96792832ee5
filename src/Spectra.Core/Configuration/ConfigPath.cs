using System.Globalization;

namespace Spectra.Core.Configuration;

/// <summary>
/// Field paths as users read them: <c>accounts[0].api_hash</c>. Segments are strings (object keys) or ints
/// (array indexes); the string form is the key of every provenance and finding.
/// </summary>
public static class ConfigPath
{
    /// <remarks>
    /// A key that would read as a path itself (a flattened "logging.level", "a[0]", the empty key) is written in
    /// double quotes: unquoted it would be the path of another key and take over that key's origin and line.
    /// No schema key needs quoting, so a quoted path is always an unknown key.
    /// </remarks>
    public static string Property(string parent, string name)
    {
        var key = name.Length == 0 || name.AsSpan().IndexOfAny(".[]") >= 0 ? "\"" + name + "\"" : name;
        return parent.Length == 0 ? key : parent + "." + key;
    }

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
        var segments = ConfigSchema.ParseSegments(path);
        return segments.Count <= 1 ? string.Empty : Format(segments.Take(segments.Count - 1));
    }

    /// <summary>The last key of a path, without indexes ("accounts[0].api_hash" -> "api_hash").</summary>
    public static string Leaf(string path) =>
        ConfigSchema.ParseSegments(path).OfType<string>().LastOrDefault() ?? string.Empty;

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsWithin(string path, string ancestor) =>
        ancestor.Length == 0 || path == ancestor ||
        (path.StartsWith(ancestor, StringComparison.Ordinal) && path.Length > ancestor.Length &&
         (path[ancestor.Length] == '.' || path[ancestor.Length] == '['));
}
