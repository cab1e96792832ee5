using System.Text.Json.Nodes;
using Json.Schema;

namespace Spectra.Core.Configuration;

/// <summary>
/// The JSON Schema (2020-12) of spectra_config.json, embedded in this assembly so the engine does not depend on
/// the module's file layout (the same file ships as module/schema/spectra_config.schema.json for editors).
/// Besides validation it answers "what type is this key", which turns environment strings into typed values.
/// </summary>
internal static partial class ConfigSchema
{
    private const string ResourceName = "Spectra.Core.Configuration.spectra_config.schema.json";

    private static readonly Lazy<string> s_text = new(ReadResource);
    private static readonly Lazy<JsonObject> s_node = new(() => (JsonObject)JsonNode.Parse(s_text.Value)!);
    private static readonly Lazy<JsonSchema> s_schema = new(() => JsonSchema.FromText(s_text.Value));

    public static string Text => s_text.Value;

    /// <summary>Every failed keyword at every instance location (the flat "list" output of the evaluator).</summary>
    public static IReadOnlyList<SchemaViolation> Evaluate(JsonNode document)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        var results = s_schema.Value.Evaluate(document, options);
        var violations = new List<SchemaViolation>();
        if (results.IsValid)
        {
            return violations;
        }

        foreach (var detail in results.Details.Prepend(results))
        {
            if (detail.IsValid || !detail.HasErrors)
            {
                continue;
            }

            // Walk the document along the pointer so a numeric segment becomes an index only inside a list.
            var pointer = detail.InstanceLocation;
            var segments = new List<object>(pointer.Count);
            var node = document;
            for (var i = 0; i < pointer.Count; i++)
            {
                var text = pointer[i].ToString();
                if (node is JsonArray array && int.TryParse(text, System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(index);
                    node = index < array.Count ? array[index] : null;
                }
                else
                {
                    segments.Add(text);
                    node = (node as JsonObject)?[text];
                }
            }

            var field = ConfigPath.Format(segments);
            foreach (var keyword in detail.Errors!.Keys)
            {
                violations.Add(new SchemaViolation(field, keyword, segments));
            }
        }

        return violations;
    }

    /// <summary>The schema node describing <paramref name="segments"/> (keys and indexes), or null for an unknown key.</summary>
    public static JsonObject? NodeFor(IReadOnlyList<object> segments)
    {
        JsonObject? node = s_node.Value;
        foreach (var segment in segments)
        {
            node = Resolve(node);
            if (node is null)
            {
                return null;
            }

            node = segment is int
                ? node["items"] as JsonObject
                : (node["properties"] as JsonObject)?[(string)segment] as JsonObject;
        }

        return Resolve(node);
    }

    /// <summary>The schema node for a field path such as <c>accounts[0].api_hash</c>.</summary>
    public static JsonObject? NodeFor(string path) => NodeFor(ParseSegments(path));

    /// <summary>The JSON type the schema expects at a path ("integer", "string", ...), or null when the key is unknown.</summary>
    public static string? TypeOf(IReadOnlyList<object> segments) => NodeFor(segments)?["type"]?.GetValue<string>();

    /// <summary>
    /// Splits "accounts[0].api_hash" into "accounts", 0, "api_hash". A part whose brackets are not well-formed
    /// indexes (a user's odd key such as "x[1") stays one key, so unknown keys never break path handling.
    /// </summary>
    public static List<object> ParseSegments(string path)
    {
        var segments = new List<object>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            if (bracket < 0 || !IndexSuffix().IsMatch(part[bracket..]))
            {
                segments.Add(part);
                continue;
            }

            if (bracket > 0)
            {
                segments.Add(part[..bracket]);
            }

            foreach (System.Text.RegularExpressions.Match match in IndexNumber().Matches(part[bracket..]))
            {
                segments.Add(int.TryParse(match.Groups[1].Value, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue);
            }
        }

        return segments;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\[[0-9]+\])+$")]
    private static partial System.Text.RegularExpressions.Regex IndexSuffix();

    [System.Text.RegularExpressions.GeneratedRegex(@"\[([0-9]+)\]")]
    private static partial System.Text.RegularExpressions.Regex IndexNumber();

    private static JsonObject? Resolve(JsonObject? node)
    {
        if (node?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal))
        {
            return s_node.Value["$defs"]?[reference["#/$defs/".Length..]] as JsonObject;
        }

        return node;
    }

    private static string ReadResource()
    {
        using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded schema {ResourceName} is missing from Spectra.Core; the build is broken.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
