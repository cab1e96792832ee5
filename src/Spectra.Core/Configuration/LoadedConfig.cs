using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Spectra.Core.Configuration.Model;
using Spectra.Core.Errors;

namespace Spectra.Core.Configuration;

/// <summary>
/// The effective configuration: the merged document, where each value came from, the problems met while reading
/// variables and .env, and the environment snapshot it was built from (validation asks it whether a safer source
/// for a secret exists).
/// </summary>
public sealed class LoadedConfig
{
    private static readonly JsonSerializerOptions s_bindOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    private readonly IReadOnlyDictionary<string, ValueOrigin> _origins;

    internal LoadedConfig(string? filePath, DotEnvFile? dotEnv, JsonObject document,
        IReadOnlyDictionary<string, ValueOrigin> origins, IReadOnlyList<ConfigFinding> loadProblems,
        IReadOnlyDictionary<string, string> environment, IReadOnlyList<FileSecret> fileSecrets,
        IReadOnlyDictionary<string, (string Value, ValueOrigin Origin)> variables)
    {
        Variables = variables;
        FileSecrets = fileSecrets;
        FilePath = filePath;
        DotEnv = dotEnv;
        Document = document;
        _origins = origins;
        LoadProblems = loadProblems;
        Environment = environment;
    }

    /// <summary>The config file that was read, or null when only defaults, .env and variables apply.</summary>
    public string? FilePath { get; }

    /// <summary>The .env file beside the config file, when there was one.</summary>
    public DotEnvFile? DotEnv { get; }

    /// <summary>The merged effective document (do not modify).</summary>
    public JsonObject Document { get; }

    /// <summary>Problems found while applying .env and variables (bad lines, unknown SPECTRA_*__* keys).</summary>
    public IReadOnlyList<ConfigFinding> LoadProblems { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>
    /// The recognised variables (named ones and SPECTRA_…__…) from .env and the environment, the environment's value
    /// where both set one, each with where it came from.
    /// </summary>
    internal IReadOnlyDictionary<string, (string Value, ValueOrigin Origin)> Variables { get; }

    /// <summary>
    /// Secret values written in the config file itself, even those a variable overrides, and any value there holding
    /// user:password@ (kept for the "secret in file" and file-mode checks and for scrubbing).
    /// </summary>
    internal IReadOnlyList<FileSecret> FileSecrets { get; }

    /// <summary>Where the value at <paramref name="path"/> came from (its nearest recorded ancestor when it has no entry of its own).</summary>
    public ValueOrigin OriginOf(string path)
    {
        // Bounded walk: every step drops a segment, the bound only guards against an odd key defeating that.
        var current = path;
        for (var step = 0; step < 128; step++)
        {
            if (_origins.TryGetValue(current, out var origin))
            {
                return origin;
            }

            if (current.Length == 0)
            {
                break;
            }

            current = ConfigPath.Parent(current);
        }

        return ValueOrigin.Default;
    }

    /// <summary>Every effective value, in document order: scalars, lists of scalars as one value, empty lists as "(none)".</summary>
    public IReadOnlyList<ConfigEntry> Entries()
    {
        var entries = new List<ConfigEntry>();
        Walk(Document, string.Empty, entries);
        return entries;
    }

    /// <summary>
    /// The typed view of the document for the engine. Throws ConfigInvalid (naming field and line) when a value has
    /// the wrong type; run <see cref="ConfigValidator"/> first to get every problem at once.
    /// </summary>
    public SpectraConfig Bind()
    {
        // Only a document that satisfies the schema is bound: STJ would happily turn "logging": null into a null section.
        if (Rules.SchemaRules.Check(this).FirstOrDefault() is { } problem)
        {
            throw new SpectraException("ConfigInvalid", SpectraErrorCategory.InvalidData,
                $"The configuration value {problem.Field} (from {problem.Origin?.Describe() ?? "the built-in default"}) is invalid: {problem.Message}",
                "Run Test-SpectraConfig for every problem with its fix.",
                new ErrorLocation(problem.Origin?.File, problem.Origin?.Line ?? 0, problem.Field));
        }

        try
        {
            return Document.Deserialize<SpectraConfig>(s_bindOptions) ?? new SpectraConfig();
        }
        catch (JsonException ex)
        {
            var field = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
            var origin = OriginOf(field);
            throw new SpectraException("ConfigInvalid", SpectraErrorCategory.InvalidData,
                $"The configuration value {field} (from {origin.Describe()}) has the wrong type or is not a known key.",
                "Run Test-SpectraConfig for every problem with its fix.",
                new ErrorLocation(origin.File, origin.Line, field), ex);
        }
    }

    private void Walk(JsonNode? node, string path, List<ConfigEntry> entries)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(child, ConfigPath.Property(path, key), entries);
                }

                break;
            case JsonArray array when array.Count == 0:
                entries.Add(new ConfigEntry(path, "(none)", false, OriginOf(path)));
                break;
            case JsonArray array when array.All(i => i is JsonValue):
                entries.Add(Entry(path, string.Join(", ", array.Select(i => Display(i)))));
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], ConfigPath.Index(path, i), entries);
                }

                break;
            default:
                entries.Add(Entry(path, Display(node)));
                break;
        }
    }

    private ConfigEntry Entry(string path, string display)
    {
        var hidden = SecretKeys.IsHidden(path) || SecretKeys.HoldsCredentials(display);
        return new ConfigEntry(path, hidden ? SecretKeys.Mask(display) : display, hidden, OriginOf(path));
    }

    private static string Display(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        JsonValue value when value.TryGetValue<double>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
