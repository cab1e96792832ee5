using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spectra.Core.Configuration.Rules;

/// <summary>Settings that are each valid but contradict one another: min > max pairs, duplicate accounts, incomplete proxies.</summary>
internal static partial class BusinessRules
{
    public static IEnumerable<ConfigFinding> Check(LoadedConfig config)
    {
        var findings = new List<ConfigFinding>();
        var doc = config.Document;
        MinMax(config, "resilience.base_delay_seconds", "resilience.max_delay_seconds", "the back-off starts above its own ceiling", findings);
        MinMax(config, "health.thresholds.cpu_percent_degraded", "health.thresholds.cpu_percent_critical", "'degraded' would be reported only after 'critical'", findings);
        MinMax(config, "health.thresholds.memory_percent_degraded", "health.thresholds.memory_percent_critical", "'degraded' would be reported only after 'critical'", findings);
        // Disk is measured as free space, so the order is reversed: degraded must be the larger amount.
        MinMax(config, "health.thresholds.disk_free_gb_critical", "health.thresholds.disk_free_gb_degraded", "'critical' would be reached before 'degraded'", findings);

        foreach (var (path, target) in ConfigNodes.Items(doc, "targets"))
        {
            if (TargetDates.Parse(ConfigNodes.String(target["since"])) is { } since &&
                TargetDates.Parse(ConfigNodes.String(target["until"])) is { } until && since > until)
            {
                findings.Add(Fail(config, path + ".since", "since is later than until, so the window is empty. Swap them or correct one of the dates."));
            }
        }

        Duplicates(config, "name", "Two accounts have the same name. Give each account a unique name.", findings);
        Duplicates(config, "session", "Two accounts share one session file, which would corrupt it. Give each account its own session.", findings);
        foreach (var (path, account) in ConfigNodes.Items(doc, "accounts"))
        {
            if (account["proxy"] is JsonObject proxy)
            {
                CheckProxy(config, path + ".proxy", proxy, findings);
            }
        }

        if (ConfigNodes.String(ConfigNodes.At(doc, "health.endpoint")) is { } endpoint &&
            Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && !uri.IsLoopback && uri.Host != "localhost")
        {
            findings.Add(new ConfigFinding(ConfigCheck.BusinessRules, FindingStatus.Warn, "health.endpoint",
                "The health endpoint listens beyond this machine, so anyone who can reach it sees the process state. Use 127.0.0.1 unless a monitoring host needs it, and firewall it.",
                config.OriginOf("health.endpoint")));
        }

        return findings;
    }

    private static void MinMax(LoadedConfig config, string lowField, string highField, string consequence, List<ConfigFinding> findings)
    {
        if (ConfigNodes.Number(ConfigNodes.At(config.Document, lowField)) is double low &&
            ConfigNodes.Number(ConfigNodes.At(config.Document, highField)) is double high && low > high)
        {
            findings.Add(Fail(config, lowField,
                $"{ConfigPath.Leaf(lowField)} is greater than {ConfigPath.Leaf(highField)}: {consequence}. Lower {ConfigPath.Leaf(lowField)} or raise {ConfigPath.Leaf(highField)}."));
        }
    }

    private static void Duplicates(LoadedConfig config, string key, string message, List<ConfigFinding> findings)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, account) in ConfigNodes.Items(config.Document, "accounts"))
        {
            var value = ConfigNodes.String(account[key]) ?? (key == "session" ? ConfigNodes.String(account["name"]) : null);
            if (value is not null && !seen.Add(value))
            {
                findings.Add(Fail(config, path + "." + key, message));
            }
        }
    }

    private static void CheckProxy(LoadedConfig config, string path, JsonObject proxy, List<ConfigFinding> findings)
    {
        var type = ConfigNodes.String(proxy["type"]);
        var secret = ConfigNodes.String(proxy["secret"]);
        if (type == "mtproxy")
        {
            if (string.IsNullOrEmpty(secret))
            {
                findings.Add(Fail(config, path + ".secret", "An MTProxy needs its secret. Set proxy.secret (preferably via the environment, e.g. SPECTRA_ACCOUNTS__<n>__PROXY__SECRET)."));
            }
            else if (!MtProxySecret().IsMatch(secret))
            {
                findings.Add(Fail(config, path + ".secret", "The MTProxy secret must be 32 hexadecimal characters, optionally prefixed with dd, or ee followed by hex-encoded domain bytes. Copy it again from the proxy link."));
            }
        }
        else if (type == "socks5" && !string.IsNullOrEmpty(secret))
        {
            findings.Add(new ConfigFinding(ConfigCheck.BusinessRules, FindingStatus.Warn, path + ".secret",
                "A SOCKS5 proxy does not use 'secret'; it is ignored. Remove it, or set type to mtproxy if that was meant.", config.OriginOf(path + ".secret")));
        }

        // "socks5://user:password@host" pasted into host: the schema only limits its length.
        if (ConfigNodes.String(proxy["host"]) is { } host && (host.Contains("://", StringComparison.Ordinal) || host.Contains('@', StringComparison.Ordinal)))
        {
            findings.Add(Fail(config, path + ".host",
                "proxy.host must be only the proxy's host name or IP address, not a URL or user@host. Put the port in port, the user name in username and the password in password (preferably SPECTRA_ACCOUNTS__<n>__PROXY__PASSWORD in the environment or .env)."));
        }

        var hasUser = !string.IsNullOrEmpty(ConfigNodes.String(proxy["username"]));
        var hasPassword = !string.IsNullOrEmpty(ConfigNodes.String(proxy["password"]));
        if (hasUser != hasPassword)
        {
            var field = path + (hasUser ? ".password" : ".username");
            findings.Add(new ConfigFinding(ConfigCheck.BusinessRules, FindingStatus.Warn, field,
                "The proxy has a username without a password (or the reverse); SOCKS5 authentication needs both. Set the missing one or remove both.", config.OriginOf(field)));
        }
    }

    private static ConfigFinding Fail(LoadedConfig config, string field, string message) =>
        new(ConfigCheck.BusinessRules, FindingStatus.Fail, field, message, config.OriginOf(field));

    [GeneratedRegex("^((dd)?[0-9a-fA-F]{32}|ee[0-9a-fA-F]{32}[0-9a-fA-F]{2,})$")]
    private static partial Regex MtProxySecret();
}
