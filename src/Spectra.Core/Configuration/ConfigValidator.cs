using Spectra.Core.Configuration.Rules;

namespace Spectra.Core.Configuration;

/// <summary>
/// Runs every configuration check and returns one finding per problem, plus one Pass per check that found
/// nothing. Findings name fields and sources, never values; as a last guard any secret value that still
/// reached a message is replaced by a mask.
/// </summary>
public static class ConfigValidator
{
    private static readonly Dictionary<ConfigCheck, string> s_passMessages = new()
    {
        [ConfigCheck.Schema] = "Every key is known and every value has the right type and range.",
        [ConfigCheck.Security] = "Credentials are well-formed, none is a published sample, no secret sits in the config file, and file modes are private.",
        [ConfigCheck.BusinessRules] = "Ranges are ordered (min <= max), accounts and sessions are unique, proxies are complete.",
        [ConfigCheck.Paths] = "Storage, log and session paths stay out of system directories and do not use '..'.",
        [ConfigCheck.Targets] = "Every target is a valid @username, t.me link, invite link or numeric id, with valid dates.",
        [ConfigCheck.Environment] = "Variables and .env were read without problems and credentials are supplied.",
    };

    public static IReadOnlyList<ConfigFinding> Validate(LoadedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var specific = new List<ConfigFinding>();
        specific.AddRange(SecurityRules.Check(config));
        specific.AddRange(BusinessRules.Check(config));
        specific.AddRange(PathRules.Check(config));
        specific.AddRange(TargetRules.Check(config));
        specific.AddRange(EnvironmentRules.Check(config));

        // A field a specific rule explains better (e.g. api_hash format) is not reported a second time by the schema.
        var explained = specific.Where(f => f.Status == FindingStatus.Fail).Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        var findings = SchemaRules.Check(config).Where(f => !explained.Contains(f.Field)).ToList();
        findings.AddRange(specific);

        foreach (var check in Enum.GetValues<ConfigCheck>())
        {
            if (!findings.Any(f => f.Check == check))
            {
                findings.Add(new ConfigFinding(check, FindingStatus.Pass, string.Empty, s_passMessages[check]));
            }
        }

        var secrets = SecretValues(config);
        return findings
            .OrderBy(f => f.Check)
            .Select(f => Scrub(f, secrets))
            .ToList();
    }

    /// <summary>
    /// The finding for a file that could not be parsed (ConfigParseError), so Test-SpectraConfig reports it as a
    /// Fail naming file, line and field instead of stopping.
    /// </summary>
    public static ConfigFinding ParseFailure(Errors.SpectraException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var origin = error.Location is { } at ? new ValueOrigin(ConfigSource.File, at.File, at.Line) : null;
        var message = string.IsNullOrEmpty(error.Fix) ? error.Message : $"{error.Message} {error.Fix}";
        return new ConfigFinding(ConfigCheck.Schema, FindingStatus.Fail, error.Location?.Field ?? string.Empty, message, origin);
    }

    /// <summary>True when no finding failed.</summary>
    public static bool Passed(IEnumerable<ConfigFinding> findings) => findings.All(f => f.Status != FindingStatus.Fail);

    private static List<string> SecretValues(LoadedConfig config)
    {
        var values = new List<string>(config.FileSecrets.Select(s => s.Value));
        values.AddRange(config.Entries().Where(e => e.IsSecret)
            .Select(e => ConfigNodes.String(ConfigNodes.At(config.Document, e.Key)) ?? string.Empty));
        if (config.DotEnv is { } dotEnv)
        {
            values.AddRange(dotEnv.Entries.Where(e => IsSecretVariable(e.Name)).Select(e => e.Value));
        }

        values.AddRange(config.Environment.Where(kv => IsSecretVariable(kv.Key)).Select(kv => kv.Value));
        // Short values would mask ordinary words; real secrets here are far longer than four characters.
        return values.Where(v => v.Trim().Length >= 4).Select(v => v.Trim()).Distinct().OrderByDescending(v => v.Length).ToList();
    }

    private static bool IsSecretVariable(string name) =>
        name == "TG_API_HASH" || SecretKeys.IsSecretName(name.Split("__")[^1]);

    private static ConfigFinding Scrub(ConfigFinding finding, List<string> secrets)
    {
        var message = finding.Message;
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, "********", StringComparison.Ordinal);
        }

        return ReferenceEquals(message, finding.Message) || message == finding.Message ? finding : finding with { Message = message };
    }
}
