using System.Globalization;
using System.Text.RegularExpressions;

namespace Spectra.Core.Configuration.Rules;

/// <summary>
/// Credential formats and known sample values, secrets kept in the plain config file, and file modes that let
/// other users read (or change) the config and .env files.
/// </summary>
internal static partial class SecurityRules
{
    public static IEnumerable<ConfigFinding> Check(LoadedConfig config)
    {
        var findings = new List<ConfigFinding>();
        foreach (var (path, account) in ConfigNodes.Items(config.Document, "accounts"))
        {
            CheckApiId(config, path + ".api_id", account["api_id"], findings);
            CheckApiHash(config, path + ".api_hash", account["api_hash"], findings);
            CheckPhone(config, path + ".phone", account["phone"], findings);
            if (ConfigNodes.String(ConfigNodes.At(account, "proxy.password")) is { } password && SampleCredentials.IsSamplePassword(password))
            {
                findings.Add(Fail(config, path + ".proxy.password",
                    "The proxy password is a placeholder from an example. Set the real password (in the environment or .env, e.g. SPECTRA_ACCOUNTS__<n>__PROXY__PASSWORD) or remove the proxy block."));
            }
        }

        CheckSecretsInFile(config, findings);
        if (config.FilePath is { } file)
        {
            CheckMode(file, "config file", config.FileSecrets.Count > 0, findings);
        }

        if (config.DotEnv is { } dotEnv)
        {
            var holdsSecrets = dotEnv.Entries.Any(e => e.Name == "TG_API_HASH" || SecretKeys.IsSecretName(e.Name.Split("__")[^1]) ||
                SecretKeys.HoldsCredentials(e.Value));
            CheckMode(dotEnv.Path, ".env file", holdsSecrets, findings);
        }

        return findings;
    }

    private static void CheckApiId(LoadedConfig config, string field, System.Text.Json.Nodes.JsonNode? node, List<ConfigFinding> findings)
    {
        if (ConfigNodes.Integer(node) is not long id)
        {
            return; // absent: the Environment check reports it; not a number: the schema check reports it.
        }

        if (id <= 0)
        {
            findings.Add(Fail(config, field, "api_id must be a positive whole number: the App api_id shown at my.telegram.org under API development tools."));
        }
        else if (SampleCredentials.IsSampleId(id))
        {
            findings.Add(Fail(config, field, "api_id is a published sample or official-client value, not your own. Create an app at my.telegram.org and set its api_id (TG_API_ID)."));
        }
    }

    private static void CheckApiHash(LoadedConfig config, string field, System.Text.Json.Nodes.JsonNode? node, List<ConfigFinding> findings)
    {
        if (ConfigNodes.String(node) is not { } hash)
        {
            return;
        }

        if (!HashPattern().IsMatch(hash))
        {
            findings.Add(Fail(config, field, "api_hash must be exactly 32 hexadecimal characters (0-9, a-f), as shown at my.telegram.org. Copy it again without spaces or quotes."));
        }
        else if (SampleCredentials.IsSampleHash(hash))
        {
            findings.Add(Fail(config, field, "api_hash is a published sample or official-client value, not your own. Create an app at my.telegram.org and set its api_hash (TG_API_HASH)."));
        }
    }

    private static void CheckPhone(LoadedConfig config, string field, System.Text.Json.Nodes.JsonNode? node, List<ConfigFinding> findings)
    {
        if (ConfigNodes.String(node) is not { } phone)
        {
            return;
        }

        if (!PhonePattern().IsMatch(phone))
        {
            findings.Add(Fail(config, field, "phone must be in E.164 form: '+', the country code and the number, digits only (no spaces, dashes or leading zeros)."));
        }
        else if (SampleCredentials.IsSamplePhone(phone))
        {
            findings.Add(Fail(config, field, "phone is a placeholder number from an example. Set the account's real number, preferably in the environment or .env."));
        }
    }

    private static void CheckSecretsInFile(LoadedConfig config, List<ConfigFinding> findings)
    {
        // An unknown key (a secret-looking "passwd") is reported by the schema check as one to remove or correct;
        // naming a variable for it would name one that does not exist either. A known key holding user:password@
        // (a proxy URL in proxy.host) is not one to move elsewhere whole: BusinessRules says how to split it.
        foreach (var secret in config.FileSecrets.Where(s => SecretKeys.IsKnown(s.Field) && SecretKeys.IsSecret(s.Field)))
        {
            var effective = config.OriginOf(secret.Field);
            var fileOrigin = new ValueOrigin(ConfigSource.File, config.FilePath, secret.Line);
            var variable = VariableFor(secret.Field);
            var message = effective.Source is ConfigSource.Environment or ConfigSource.DotEnv
                ? $"{ConfigPath.Leaf(secret.Field)} is stored in plain text in the config file although {effective.Describe()} overrides it. Delete it from the file."
                : $"{ConfigPath.Leaf(secret.Field)} is stored in plain text in the config file. Move it to {variable} in the environment or in a .env file beside the config (chmod 600), then delete it from the file.";
            findings.Add(new ConfigFinding(ConfigCheck.Security, FindingStatus.Warn, secret.Field, message, fileOrigin));
        }
    }

    /// <summary>The variable that can carry a secret instead of the file.</summary>
    internal static string VariableFor(string field) => ConfigPath.Leaf(field) == "api_hash"
        ? "TG_API_HASH"
        : "SPECTRA_" + string.Join("__", ConfigSchema.ParseSegments(field)
            .Select(s => Convert.ToString(s, CultureInfo.InvariantCulture)!.ToUpperInvariant()));

    private static void CheckMode(string file, string what, bool holdsSecrets, List<ConfigFinding> findings)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows uses ACLs; Unix mode bits do not apply.
        }

        UnixFileMode mode;
        try
        {
            mode = File.GetUnixFileMode(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        var origin = new ValueOrigin(what == ".env file" ? ConfigSource.DotEnv : ConfigSource.File, file);
        var octal = Convert.ToString((int)mode & 0x1FF, 8);
        if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            findings.Add(new ConfigFinding(ConfigCheck.Security, FindingStatus.Fail, what == ".env file" ? ".env" : "(file)",
                $"The {what} is writable by other users (mode {octal}), so they could change where Spectra writes or which account it uses. Run: chmod 600 '{file}'.", origin));
        }
        else if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
        {
            findings.Add(new ConfigFinding(ConfigCheck.Security, holdsSecrets ? FindingStatus.Fail : FindingStatus.Warn,
                what == ".env file" ? ".env" : "(file)",
                $"The {what} is readable by other users (mode {octal}){(holdsSecrets ? " and holds secrets" : string.Empty)}. Run: chmod 600 '{file}'.", origin));
        }
    }

    private static ConfigFinding Fail(LoadedConfig config, string field, string message) =>
        new(ConfigCheck.Security, FindingStatus.Fail, field, message, config.OriginOf(field));

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex HashPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhonePattern();
}
