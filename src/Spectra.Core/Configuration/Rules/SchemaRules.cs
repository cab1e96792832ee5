using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spectra.Core.Configuration.Rules;

/// <summary>
/// JSON Schema validation of the merged document, with messages written here from the schema itself: the
/// evaluator's own messages can quote the offending value, which for a secret field would leak it.
/// </summary>
internal static class SchemaRules
{
    public static IEnumerable<ConfigFinding> Check(LoadedConfig config)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var violation in ConfigSchema.Evaluate(config.Document))
        {
            foreach (var (field, message) in Describe(config, violation))
            {
                if (seen.Add((field, message)))
                {
                    yield return new ConfigFinding(ConfigCheck.Schema, FindingStatus.Fail, field, message, config.OriginOf(field));
                }
            }
        }
    }

    /// <summary>
    /// The finding for a number no decimal holds (1e30) at a known field: the loader keeps it as text, because the
    /// schema evaluator cannot take it, and reports it with this instead of the evaluator's "found a string".
    /// </summary>
    internal static ConfigFinding TooLarge(string field, ValueOrigin origin)
    {
        var schema = ConfigSchema.NodeFor(field)!;
        var message = schema["type"]?.GetValue<string>() is not ("number" or "integer")
            ? $"Wrong type: expected {schema["type"]}, found a number. {TypeHint(schema)}"
            : schema["maximum"] is not null || schema["exclusiveMaximum"] is not null
                ? $"Out of range: the value must be {Range(schema)}."
                : "Out of range: the number is too large for Spectra to use (the limit is about 7.9e28). Write a realistic value for this setting, or remove it to use the default.";
        return new ConfigFinding(ConfigCheck.Schema, FindingStatus.Fail, field, message, origin);
    }

    private static IEnumerable<(string Field, string Message)> Describe(LoadedConfig config, SchemaViolation violation)
    {
        var field = violation.Field;
        var segments = violation.Segments;
        var schema = ConfigSchema.NodeFor(segments);
        var instance = ConfigNodes.At(config.Document, segments);
        if (schema is null)
        {
            var parent = ConfigSchema.NodeFor(segments.Take(segments.Count - 1).ToList());
            var known = (parent?["properties"] as JsonObject)?.Select(p => p.Key).Where(k => k != "$schema") ?? [];
            yield return (field, $"Unknown key '{segments[^1]}'. Remove it or correct its spelling; keys here are: {string.Join(", ", known)}.");
            yield break;
        }

        switch (violation.Keyword)
        {
            case "type":
                yield return (field, $"Wrong type: expected {schema["type"]}, found {KindOf(instance)}. {TypeHint(schema)}");
                break;
            case "required":
                var present = (instance as JsonObject)?.Select(p => p.Key).ToHashSet() ?? [];
                foreach (var name in (schema["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).Where(n => !present.Contains(n)))
                {
                    yield return (ConfigPath.Property(field, name), $"Required key '{name}' is missing. Add it to this entry.");
                }

                break;
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                yield return (field, $"Out of range: the value must be {Range(schema)}.");
                break;
            case "pattern":
                yield return (field, $"Not in the expected format: {FormatHint(field)}.");
                break;
            case "enum":
                yield return (field, $"Not an allowed value. Use one of: {Allowed(schema["enum"] as JsonArray ?? [])}.");
                break;
            case "minLength":
                yield return (field, "Must not be empty. Set a value or remove the key to use the default.");
                break;
            case "maxLength":
                yield return (field, $"Too long: at most {schema["maxLength"]} characters.");
                break;
            case "uniqueItems":
                yield return (field, "Lists the same item more than once. Remove the duplicates.");
                break;
            case "additionalProperties" or "properties" or "items" or "$ref" or "allOf":
                // Summaries of failures already reported at the child locations.
                break;
            default:
                yield return (field, $"Does not satisfy the schema rule '{violation.Keyword}'. See module/schema/spectra_config.schema.json.");
                break;
        }
    }

    /// <summary>
    /// Every allowed value. When each one is also allowed in all lower and all upper case (log levels), those variants
    /// are folded into a note: ten names are easier to match a typo against than twenty-six.
    /// </summary>
    private static string Allowed(JsonArray values)
    {
        var all = values.Select(v => v?.ToJsonString() ?? "null").ToList();
        var set = all.ToHashSet(StringComparer.Ordinal);
        var shown = all.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var folded = shown.Count < all.Count && all.All(v => set.Contains(v.ToLowerInvariant()) && set.Contains(v.ToUpperInvariant()));
        return folded
            ? string.Join(", ", shown) + " (each also in all lower or all upper case)"
            : string.Join(", ", all);
    }

    private static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "an unsupported value",
    };

    private static string TypeHint(JsonObject schema) => schema["type"]?.GetValue<string>() switch
    {
        "integer" => "Write a whole number without quotes.",
        "number" => "Write a number without quotes.",
        "boolean" => "Write true or false without quotes.",
        "string" => "Put the value in double quotes.",
        "array" => "Write a list in square brackets.",
        "object" => "Write an object in braces.",
        _ => string.Empty,
    };

    private static string Range(JsonObject schema)
    {
        var parts = new List<string>();
        if (schema["minimum"] is { } min)
        {
            parts.Add(">= " + min.ToJsonString());
        }

        if (schema["exclusiveMinimum"] is { } xmin)
        {
            parts.Add("> " + xmin.ToJsonString());
        }

        if (schema["maximum"] is { } max)
        {
            parts.Add("<= " + max.ToJsonString());
        }

        if (schema["exclusiveMaximum"] is { } xmax)
        {
            parts.Add("< " + xmax.ToJsonString());
        }

        return string.Join(" and ", parts);
    }

    private static string FormatHint(string field) => ConfigPath.Leaf(field) switch
    {
        "api_hash" => "32 hexadecimal characters, as shown at my.telegram.org under API development tools",
        "phone" => "E.164, a + then the country code and number, digits only",
        "name" => "1-64 letters, digits, '_', '.' or '-'",
        "endpoint" => "http://host[:port]/path or https://...",
        _ => "see the pattern in module/schema/spectra_config.schema.json",
    };
}
