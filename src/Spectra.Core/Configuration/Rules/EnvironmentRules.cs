namespace Spectra.Core.Configuration.Rules;

/// <summary>Problems in variables and .env, and credentials that no layer supplies.</summary>
internal static class EnvironmentRules
{
    public static IEnumerable<ConfigFinding> Check(LoadedConfig config)
    {
        var findings = new List<ConfigFinding>(config.LoadProblems);
        var accounts = ConfigNodes.Items(config.Document, "accounts").ToList();
        if (accounts.Count == 0)
        {
            findings.Add(new ConfigFinding(ConfigCheck.Environment, FindingStatus.Warn, "accounts",
                "No Telegram account is configured. Set TG_API_ID and TG_API_HASH (environment or .env), or add an entry to 'accounts', before archiving.",
                config.OriginOf("accounts")));
        }

        foreach (var (path, account) in accounts)
        {
            foreach (var (key, variable) in new[] { ("api_id", "TG_API_ID"), ("api_hash", "TG_API_HASH") })
            {
                if (account[key] is null)
                {
                    findings.Add(new ConfigFinding(ConfigCheck.Environment, FindingStatus.Warn, $"{path}.{key}",
                        $"{key} is not set in any layer. Set {variable} in the environment or in .env beside the config file before archiving.",
                        config.OriginOf(path)));
                }
            }
        }

        if (config.Variables.TryGetValue("LOG_LEVEL", out var generic) &&
            config.Variables.TryGetValue("SPECTRA_LOG_LEVEL", out var specific) &&
            !string.Equals(generic.Value.Trim(), specific.Value.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            // Which one applies is what the loader recorded, not a rule restated here: SPECTRA_LOG_LEVEL wins within a
            // layer, but a variable in the environment beats either one in .env.
            var applied = config.OriginOf("logging.level");
            findings.Add(new ConfigFinding(ConfigCheck.Environment, FindingStatus.Warn, "logging.level",
                $"LOG_LEVEL and SPECTRA_LOG_LEVEL disagree: {generic.Origin.Describe()} is '{generic.Value.Trim()}', {specific.Origin.Describe()} is '{specific.Value.Trim()}'; {applied.Describe()} applies. Unset one of them to avoid confusion.",
                applied));
        }

        return findings;
    }
}
