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

        if (config.Environment.TryGetValue("LOG_LEVEL", out var generic) &&
            config.Environment.TryGetValue("SPECTRA_LOG_LEVEL", out var specific) &&
            !string.Equals(generic.Trim(), specific.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new ConfigFinding(ConfigCheck.Environment, FindingStatus.Warn, "logging.level",
                "LOG_LEVEL and SPECTRA_LOG_LEVEL disagree; SPECTRA_LOG_LEVEL wins. Unset one of them to avoid confusion.",
                config.OriginOf("logging.level")));
        }

        return findings;
    }
}
