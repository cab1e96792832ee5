using System.Text.RegularExpressions;

namespace Spectra.Core.Configuration.Rules;

/// <summary>Each target must name a chat in a form the client can resolve, with readable dates and consistent media options.</summary>
internal static partial class TargetRules
{
    public static IEnumerable<ConfigFinding> Check(LoadedConfig config)
    {
        var findings = new List<ConfigFinding>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var any = false;
        foreach (var (path, target) in ConfigNodes.Items(config.Document, "targets"))
        {
            any = true;
            if (ConfigNodes.String(target["entity"]) is { } entity)
            {
                if (!IsValidEntity(entity))
                {
                    findings.Add(Fail(config, path + ".entity",
                        "The entity is not a chat reference Spectra can resolve. Use @username (5-32 letters, digits or _), https://t.me/username, an invite link (https://t.me/+hash or https://t.me/joinchat/hash) or a numeric id such as -1001234567890."));
                }
                else if (!seen.Add(entity.Trim()))
                {
                    findings.Add(new ConfigFinding(ConfigCheck.Targets, FindingStatus.Warn, path + ".entity",
                        "This entity is listed twice; it would be archived twice. Remove one entry.", config.OriginOf(path + ".entity")));
                }
            }

            foreach (var key in new[] { "since", "until" })
            {
                if (ConfigNodes.String(target[key]) is { } text && TargetDates.Parse(text) is null)
                {
                    findings.Add(Fail(config, $"{path}.{key}", $"{key} is not an ISO 8601 date. Write YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ."));
                }
            }

            if (ConfigNodes.Boolean(target["media"]) == false && (target["media_types"] is not null || target["max_media_size_mb"] is not null))
            {
                findings.Add(new ConfigFinding(ConfigCheck.Targets, FindingStatus.Warn, path + ".media",
                    "media is false, so media_types and max_media_size_mb are ignored. Remove them or set media to true.", config.OriginOf(path + ".media")));
            }
        }

        if (!any)
        {
            findings.Add(new ConfigFinding(ConfigCheck.Targets, FindingStatus.Warn, "targets",
                "No targets are configured, so there is nothing to archive. Add entries such as { \"entity\": \"@channel\" } to 'targets'.", config.OriginOf("targets")));
        }

        return findings;
    }

    /// <summary>@username, t.me/username[/id], t.me/+hash, t.me/joinchat/hash (http(s):// optional), or a numeric id.</summary>
    public static bool IsValidEntity(string entity)
    {
        var text = entity.Trim();
        return Username().IsMatch(text) || PublicLink().IsMatch(text) || InviteLink().IsMatch(text) || IsNumericId(text);
    }

    private static bool IsNumericId(string text) =>
        NumericId().IsMatch(text) && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var id) && id != 0;

    private static ConfigFinding Fail(LoadedConfig config, string field, string message) =>
        new(ConfigCheck.Targets, FindingStatus.Fail, field, message, config.OriginOf(field));

    // Telegram usernames: 5-32 characters, a letter first, letters/digits/underscores, no trailing underscore.
    [GeneratedRegex("^@[A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9]$")]
    private static partial Regex Username();

    [GeneratedRegex(@"^(https?://)?(t\.me|telegram\.me)/[A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9](/[0-9]+)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex PublicLink();

    [GeneratedRegex(@"^(https?://)?(t\.me|telegram\.me)/(\+|joinchat/)[A-Za-z0-9_-]{10,64}/?$", RegexOptions.IgnoreCase)]
    private static partial Regex InviteLink();

    [GeneratedRegex("^-?[0-9]{1,19}$")]
    private static partial Regex NumericId();
}
