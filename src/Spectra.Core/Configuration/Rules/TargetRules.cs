using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spectra.Core.Configuration.Rules;

/// <summary>Each target must name a chat in a form the client can resolve, with readable dates and consistent media options.</summary>
internal static partial class TargetRules
{
    public static IEnumerable<ConfigFinding> Check(LoadedConfig config)
    {
        var findings = new List<ConfigFinding>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, target) in ConfigNodes.Items(config.Document, "targets"))
        {
            if (ConfigNodes.String(target["entity"]) is { } entity)
            {
                var chat = ChatKey(entity);
                if (!IsValidEntity(entity))
                {
                    findings.Add(Fail(config, path + ".entity",
                        "The entity is not a chat reference Spectra can resolve. Use @username (5-32 letters, digits or _), https://t.me/username, an invite link (https://t.me/+hash or https://t.me/joinchat/hash) or a numeric id such as -1001234567890."));
                }
                else if (seen.TryGetValue(chat, out var first))
                {
                    findings.Add(new ConfigFinding(ConfigCheck.Targets, FindingStatus.Warn, path + ".entity",
                        $"This entity names the same chat as {first}; it would be archived twice. Remove one entry.", config.OriginOf(path + ".entity")));
                }
                else
                {
                    seen[chat] = path + ".entity";
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

        // Only a truly empty list: targets that are not objects ("targets": ["@x"]) are not "no targets" but a
        // schema error, whose fix says what to write instead.
        if (config.Document["targets"] is JsonArray { Count: 0 })
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

    /// <summary>
    /// One key per chat for spotting duplicates: @name, t.me/name and t.me/name/123 are the same channel (usernames
    /// ignore case); t.me/+hash and t.me/joinchat/hash the same invite (hashes keep their case).
    /// </summary>
    private static string ChatKey(string entity)
    {
        var text = entity.Trim();
        var name = Username().Match(text);
        if (!name.Success)
        {
            name = PublicLink().Match(text);
        }

        if (name.Success)
        {
            return "@" + name.Groups["name"].Value.ToLowerInvariant();
        }

        var invite = InviteLink().Match(text);
        return invite.Success ? "+" + invite.Groups["hash"].Value : text;
    }

    private static bool IsNumericId(string text) =>
        NumericId().IsMatch(text) && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var id) && id != 0;

    private static ConfigFinding Fail(LoadedConfig config, string field, string message) =>
        new(ConfigCheck.Targets, FindingStatus.Fail, field, message, config.OriginOf(field));

    // Telegram usernames: 5-32 characters, a letter first, letters/digits/underscores, no trailing underscore.
    [GeneratedRegex("^@(?<name>[A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9])$")]
    private static partial Regex Username();

    [GeneratedRegex(@"^(https?://)?(t\.me|telegram\.me)/(?<name>[A-Za-z][A-Za-z0-9_]{3,30}[A-Za-z0-9])(/[0-9]+)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex PublicLink();

    [GeneratedRegex(@"^(https?://)?(t\.me|telegram\.me)/(\+|joinchat/)(?<hash>[A-Za-z0-9_-]{10,64})/?$", RegexOptions.IgnoreCase)]
    private static partial Regex InviteLink();

    [GeneratedRegex("^-?[0-9]{1,19}$")]
    private static partial Regex NumericId();
}
