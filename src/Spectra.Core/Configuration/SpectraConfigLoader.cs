using System.Globalization;
using System.Text.Json.Nodes;
using Spectra.Core.Errors;

namespace Spectra.Core.Configuration;

/// <summary>
/// Builds the effective configuration from its layers, highest first: environment variables, a .env file beside
/// the config file, the JSON config file, the embedded defaults. Every value keeps its origin. The process
/// environment is passed in as a dictionary so callers (and tests) decide what "the environment" is.
/// Loading never writes anything.
/// </summary>
public static class SpectraConfigLoader
{
    public const string DotEnvFileName = ".env";

    /// <param name="path">An explicit config file; null means SPECTRA_CONFIG, else spectra_config.json in <paramref name="baseDirectory"/> if present.</param>
    /// <param name="environment">The variables to read (normally a snapshot of the process environment).</param>
    /// <param name="baseDirectory">Where relative paths and the default file are looked up; the current directory when null.</param>
    /// <param name="pathParameter">How the caller named <paramref name="path"/> (e.g. "-LiteralPath"), so a missing file's error and fix name it.</param>
    /// <exception cref="SpectraException">ConfigFileNotFound, ConfigFileUnreadable or ConfigParseError.</exception>
    public static LoadedConfig Load(string? path, IReadOnlyDictionary<string, string> environment, string? baseDirectory = null,
        string pathParameter = "-Path")
    {
        ArgumentNullException.ThrowIfNull(environment);
        var baseDir = baseDirectory ?? Directory.GetCurrentDirectory();
        var filePath = ResolveFile(path, pathParameter, environment, baseDir);
        var builder = new Builder();
        var problems = new List<ConfigFinding>();
        var variables = new Dictionary<string, (string Value, ValueOrigin Origin)>(StringComparer.Ordinal);

        // Each variable layer is applied whole over the one below; Variables records the same overlay name by name, so
        // checks that compare variables see what the document was built from.
        void ApplyVariables(IEnumerable<(string Name, string Value, ValueOrigin Origin)> layer)
        {
            var list = layer.ToList();
            foreach (var (name, value, origin) in list)
            {
                variables[name] = (value, origin);
            }

            builder.Apply(EnvironmentMapper.Map(list, problems), problems);
        }

        var fileSecrets = new List<FileSecret>();
        if (filePath is not null)
        {
            var parsed = JsonFileParser.Parse(filePath, ReadBytes(filePath));
            CollectSecrets(parsed.Root, string.Empty, parsed, fileSecrets);
            builder.MergeFile(parsed);
            foreach (var field in parsed.OversizedNumbers.Where(SecretKeys.IsKnown))
            {
                // An unknown key is reported as such by the schema check; its number does not matter.
                problems.Add(Rules.SchemaRules.TooLarge(field,
                    new ValueOrigin(ConfigSource.File, filePath, parsed.Lines.TryGetValue(field, out var line) ? line : 0)));
            }
        }

        var dotEnvPath = Path.Combine(filePath is null ? baseDir : Path.GetDirectoryName(filePath)!, DotEnvFileName);
        DotEnvFile? dotEnv = null;
        if (File.Exists(dotEnvPath))
        {
            dotEnv = ReadDotEnv(dotEnvPath, problems);
            var fromDotEnv = dotEnv.Entries
                .Where(e => EnvironmentMapper.IsRecognised(e.Name))
                .Select(e => (e.Name, e.Value, new ValueOrigin(ConfigSource.DotEnv, dotEnvPath, e.Line, e.Name)));
            ApplyVariables(fromDotEnv);
        }

        var fromEnvironment = environment
            .Where(kv => EnvironmentMapper.IsRecognised(kv.Key))
            .Select(kv => (kv.Key, kv.Value, new ValueOrigin(ConfigSource.Environment, Variable: kv.Key)));
        ApplyVariables(fromEnvironment);

        return new LoadedConfig(filePath, dotEnv, builder.Document, builder.Origins, problems, environment, fileSecrets, variables);
    }

    private static void CollectSecrets(JsonNode? node, string path, ParsedJsonFile file, List<FileSecret> secrets)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    CollectSecrets(child, ConfigPath.Property(path, key), file, secrets);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CollectSecrets(array[i], ConfigPath.Index(path, i), file, secrets);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Length > 0 &&
                                      (SecretKeys.IsSecret(path) || SecretKeys.HoldsCredentials(text)):
                secrets.Add(new FileSecret(path, file.Lines.TryGetValue(path, out var line) ? line : 0, text));
                break;
        }
    }

    private static string? ResolveFile(string? path, string pathParameter, IReadOnlyDictionary<string, string> environment, string baseDir)
    {
        var explicitPath = path;
        var via = pathParameter;
        if (string.IsNullOrWhiteSpace(explicitPath) &&
            environment.TryGetValue(EnvironmentMapper.ConfigPathVariable, out var fromVariable) &&
            !string.IsNullOrWhiteSpace(fromVariable))
        {
            explicitPath = fromVariable;
            via = "SPECTRA_CONFIG";
        }

        if (string.IsNullOrWhiteSpace(explicitPath))
        {
            var implicitPath = Path.Combine(baseDir, ConfigDefaults.DefaultFileName);
            return File.Exists(implicitPath) ? implicitPath : null;
        }

        var full = Path.GetFullPath(explicitPath, baseDir);
        if (!File.Exists(full))
        {
            var what = Directory.Exists(full) ? "is a directory, not a file" : "does not exist";
            throw new SpectraException("ConfigFileNotFound", SpectraErrorCategory.ObjectNotFound,
                $"The configuration file given by {via} {what}.",
                $"Check the path, create the file (see examples/spectra_config.json), or omit {via} to run on the defaults.",
                new ErrorLocation(full));
        }

        return full;
    }

    private static byte[] ReadBytes(string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException("ConfigFileUnreadable", ex is UnauthorizedAccessException
                    ? SpectraErrorCategory.PermissionDenied : SpectraErrorCategory.ReadError,
                "The configuration file cannot be read: " + ex.GetType().Name + ".",
                "Check that the file is readable by the current user (chmod 600 and owned by you).",
                new ErrorLocation(file), ex);
        }
    }

    private static DotEnvFile ReadDotEnv(string path, List<ConfigFinding> problems)
    {
        DotEnvFile file;
        try
        {
            file = DotEnvParser.Parse(path, File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigFinding(ConfigCheck.Environment, FindingStatus.Fail, DotEnvFileName,
                $"The .env file cannot be read ({ex.GetType().Name}); make it readable by the current user or remove it.",
                new ValueOrigin(ConfigSource.DotEnv, path)));
            return new DotEnvFile(path, [], []);
        }

        foreach (var problem in file.Problems)
        {
            problems.Add(new ConfigFinding(ConfigCheck.Environment, FindingStatus.Fail, DotEnvFileName,
                $"Line {problem.Line.ToString(CultureInfo.InvariantCulture)} of .env was skipped: {problem.Message}.",
                new ValueOrigin(ConfigSource.DotEnv, path, problem.Line)));
        }

        return file;
    }

    /// <summary>The merged tree and its provenance, built layer by layer.</summary>
    private sealed class Builder
    {
        public JsonObject Document { get; } = ConfigDefaults.Create();

        public Dictionary<string, ValueOrigin> Origins { get; } = new(StringComparer.Ordinal);

        public Builder() => Record(Document, string.Empty, _ => ValueOrigin.Default);

        public void MergeFile(ParsedJsonFile file) => Merge(Document, file.Root, string.Empty, file);

        public void Apply(IEnumerable<EnvAssignment> assignments, List<ConfigFinding> problems)
        {
            foreach (var assignment in assignments)
            {
                if (!assignment.EveryAccount)
                {
                    Set(assignment.Segments, assignment, problems);
                    continue;
                }

                if (Document["accounts"] is not JsonArray accounts)
                {
                    problems.Add(new ConfigFinding(ConfigCheck.Environment, FindingStatus.Fail, "accounts",
                        $"{assignment.Origin.Variable} cannot be applied because 'accounts' is not a list; fix 'accounts' in the config file.",
                        assignment.Origin));
                    continue;
                }

                if (accounts.Count == 0)
                {
                    // Credentials from the environment alone make one account, so a config file is optional.
                    accounts.Add(new JsonObject { ["name"] = ConfigDefaults.ImplicitAccountName });
                    Origins["accounts[0]"] = assignment.Origin;
                    Origins["accounts[0].name"] = ValueOrigin.Default;
                }

                for (var i = 0; i < accounts.Count; i++)
                {
                    Set(["accounts", i, .. assignment.Segments], assignment, problems);
                }
            }
        }

        private void Set(IReadOnlyList<object> segments, EnvAssignment assignment, List<ConfigFinding> problems)
        {
            var path = ConfigPath.Format(segments);
            var oversized = false;
            JsonNode container = Document;
            var walked = string.Empty;
            for (var i = 0; i < segments.Count; i++)
            {
                var last = i == segments.Count - 1;
                var segment = segments[i];
                var value = last ? Convert(segments, assignment.RawValue, out oversized) : null;
                switch (segment, container)
                {
                    case (string key, JsonObject obj):
                        walked = ConfigPath.Property(walked, key);
                        if (last)
                        {
                            obj[key] = value;
                        }
                        else if (obj[key] is null)
                        {
                            obj[key] = segments[i + 1] is int ? new JsonArray() : new JsonObject();
                            Origins[walked] = assignment.Origin;
                        }

                        break;
                    case (int index, JsonArray array):
                        walked = ConfigPath.Index(walked, index);
                        if (index > array.Count)
                        {
                            problems.Add(new ConfigFinding(ConfigCheck.Environment, FindingStatus.Fail, path,
                                $"{assignment.Origin.Variable} skips an index: the list has {array.Count.ToString(CultureInfo.InvariantCulture)} item(s), so the next index is {array.Count.ToString(CultureInfo.InvariantCulture)}.",
                                assignment.Origin));
                            return;
                        }

                        if (index == array.Count)
                        {
                            array.Add(last ? value : new JsonObject());
                            Origins[walked] = assignment.Origin;
                        }
                        else if (last)
                        {
                            array[index] = value;
                        }

                        break;
                    default:
                        problems.Add(new ConfigFinding(ConfigCheck.Environment, FindingStatus.Fail, path,
                            $"{assignment.Origin.Variable} cannot be applied because {(walked.Length == 0 ? "the document" : walked)} is not an object or list in the config file; fix its type there.",
                            assignment.Origin));
                        return;
                }

                if (!last)
                {
                    container = segment is string k ? ((JsonObject)container)[k]! : ((JsonArray)container)[(int)segment]!;
                }
            }

            Forget(path);
            Origins[path] = assignment.Origin;
            if (oversized)
            {
                problems.Add(Rules.SchemaRules.TooLarge(path, assignment.Origin));
            }
        }

        /// <summary>
        /// Types a variable's text by what the schema expects; text that does not fit stays text so the schema check
        /// reports it. A number no decimal holds (1e30) stays text too, as in the file: the schema evaluator throws on it.
        /// </summary>
        private static JsonNode? Convert(IReadOnlyList<object> segments, string raw, out bool oversized)
        {
            var text = raw.Trim();
            oversized = false;
            switch (ConfigSchema.TypeOf(segments))
            {
                case "integer" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                    return JsonValue.Create(whole);
                case "number" when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                    return JsonValue.Create(number);
                case "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var huge) &&
                                   !double.IsNaN(huge) && text.Any(char.IsAsciiDigit):
                    oversized = true;
                    return JsonValue.Create(raw);
                case "boolean" when ParseBoolean(text) is bool flag:
                    return JsonValue.Create(flag);
                case "array":
                    var items = new JsonArray();
                    foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        items.Add(item);
                    }

                    return items;
                default:
                    return JsonValue.Create(raw);
            }
        }

        private static bool? ParseBoolean(string text) => text.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => null,
        };

        private void Merge(JsonObject target, JsonObject source, string path, ParsedJsonFile file)
        {
            foreach (var (key, value) in source.ToList())
            {
                var childPath = ConfigPath.Property(path, key);
                if (value is JsonObject sourceChild && target[key] is JsonObject targetChild)
                {
                    Origins[childPath] = FileOrigin(file, childPath);
                    Merge(targetChild, sourceChild, childPath, file);
                    continue;
                }

                // Lists and scalars replace the default wholesale: merging list items by position would invent accounts.
                source.Remove(key);
                target[key] = value;
                Forget(childPath);
                Record(value, childPath, p => FileOrigin(file, p));
            }
        }

        private static ValueOrigin FileOrigin(ParsedJsonFile file, string path) =>
            new(ConfigSource.File, file.File, file.Lines.TryGetValue(path, out var line) ? line : 0);

        private void Record(JsonNode? node, string path, Func<string, ValueOrigin> origin)
        {
            Origins[path] = origin(path);
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        Record(child, ConfigPath.Property(path, key), origin);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Record(array[i], ConfigPath.Index(path, i), origin);
                    }

                    break;
            }
        }

        private void Forget(string path)
        {
            foreach (var key in Origins.Keys.Where(k => ConfigPath.IsWithin(k, path)).ToList())
            {
                Origins.Remove(key);
            }
        }
    }
}
