using System.Globalization;

namespace Spectra.Core.Configuration;

/// <summary>
/// Turns variables into config assignments. Named variables (TG_API_ID, SPECTRA_DB_PATH, ...) map to fixed keys;
/// <c>SPECTRA_&lt;SECTION&gt;__&lt;KEY&gt;</c> (double underscore between levels, numbers for array indexes, e.g.
/// SPECTRA_ACCOUNTS__0__PHONE) reaches any key. Other variables are ignored; a SPECTRA_ variable with "__" that names
/// no key is reported, because a typo there would otherwise be silently ignored.
/// </summary>
internal static class EnvironmentMapper
{
    public const string ConfigPathVariable = "SPECTRA_CONFIG";

    private static readonly (string Name, string[] Path, bool EveryAccount)[] s_named =
    [
        ("LOG_LEVEL", ["logging", "level"], false),
        ("TG_API_ID", ["api_id"], true),
        ("TG_API_HASH", ["api_hash"], true),
        ("SPECTRA_DB_PATH", ["storage", "database"], false),
        ("SPECTRA_MEDIA_DIR", ["storage", "media_dir"], false),
        ("SPECTRA_SECURE_LOGGING", ["logging", "secure"], false),
        // Last, so the Spectra-specific name wins over the generic LOG_LEVEL.
        ("SPECTRA_LOG_LEVEL", ["logging", "level"], false),
    ];

    /// <summary>True for the variables this mapper reads (used to decide which .env lines matter).</summary>
    public static bool IsRecognised(string name) =>
        Array.Exists(s_named, n => n.Name == name) || IsGeneric(name);

    public static IReadOnlyList<string> NamedVariables => s_named.Select(n => n.Name).ToArray();

    public static List<EnvAssignment> Map(IEnumerable<(string Name, string Value, ValueOrigin Origin)> variables,
        List<ConfigFinding> problems)
    {
        var byName = new Dictionary<string, (string Value, ValueOrigin Origin)>(StringComparer.Ordinal);
        foreach (var (name, value, origin) in variables)
        {
            byName[name] = (value, origin);
        }

        var assignments = new List<EnvAssignment>();
        foreach (var name in byName.Keys.Where(IsGeneric).Order(StringComparer.Ordinal))
        {
            var (value, origin) = byName[name];
            if (TryParseGeneric(name, out var segments, out var error))
            {
                assignments.Add(new EnvAssignment(segments, value, origin));
            }
            else
            {
                problems.Add(new ConfigFinding(ConfigCheck.Environment, FindingStatus.Fail, name, error, origin));
            }
        }

        foreach (var (name, path, everyAccount) in s_named)
        {
            if (byName.TryGetValue(name, out var entry))
            {
                assignments.Add(new EnvAssignment(path, entry.Value, entry.Origin, everyAccount));
            }
        }

        return assignments;
    }

    private static bool IsGeneric(string name) =>
        name.StartsWith("SPECTRA_", StringComparison.Ordinal) && name.Contains("__", StringComparison.Ordinal);

    private static bool TryParseGeneric(string name, out List<object> segments, out string error)
    {
        segments = [];
        error = string.Empty;
        var parts = name["SPECTRA_".Length..].Split("__");
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                error = $"{name} has an empty level; use SPECTRA_<SECTION>__<KEY>, e.g. SPECTRA_ARCHIVE__BATCH_SIZE.";
                return false;
            }

            segments.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? index
                : part.ToLowerInvariant());
        }

        var node = ConfigSchema.NodeFor(segments);
        if (node is null || segments[0] is int)
        {
            error = $"{name} names no configuration key ({ConfigPath.Format(segments)}); check the spelling against Get-SpectraConfig, or remove the variable.";
            return false;
        }

        var type = node["type"]?.GetValue<string>();
        var isScalarArray = type == "array" && (node["items"] as System.Text.Json.Nodes.JsonObject)?["type"]?.GetValue<string>() == "string";
        if (type == "object" || (type == "array" && !isScalarArray))
        {
            error = $"{name} names a whole section ({ConfigPath.Format(segments)}); set its keys one by one, e.g. SPECTRA_ACCOUNTS__0__API_ID.";
            return false;
        }

        return true;
    }
}
