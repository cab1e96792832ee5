using System.Text.Json.Nodes;

namespace Spectra.Core.Configuration.Rules;

/// <summary>Type-tolerant reads of the merged document: rules must not throw on values the schema check already reports.</summary>
internal static class ConfigNodes
{
    public static JsonNode? At(JsonNode? root, string path) => At(root, ConfigSchema.ParseSegments(path));

    public static JsonNode? At(JsonNode? root, IEnumerable<object> segments)
    {
        var node = root;
        foreach (var segment in segments)
        {
            node = (segment, node) switch
            {
                (string key, JsonObject obj) => obj[key],
                (int index, JsonArray array) when index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static double? Number(JsonNode? node)
    {
        if (node is not JsonValue value || value.TryGetValue<string>(out _) || value.TryGetValue<bool>(out _))
        {
            return null;
        }

        return value.TryGetValue<double>(out var d) ? d
            : value.TryGetValue<long>(out var l) ? l
            : value.TryGetValue<decimal>(out var m) ? (double)m
            : value.TryGetValue<int>(out var i) ? i
            : null;
    }

    /// <summary>Integral numbers only (5 and 5.0 count; 5.5, text and booleans do not).</summary>
    public static long? Integer(JsonNode? node) =>
        Number(node) is double d && Math.Floor(d) == d && Math.Abs(d) < 9.2e18 ? (long)d : null;

    public static bool? Boolean(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>The object items of a list section such as "accounts", with their field paths.</summary>
    public static IEnumerable<(string Path, JsonObject Item)> Items(JsonObject document, string section)
    {
        if (document[section] is not JsonArray array)
        {
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item)
            {
                yield return (ConfigPath.Index(section, i), item);
            }
        }
    }
}
