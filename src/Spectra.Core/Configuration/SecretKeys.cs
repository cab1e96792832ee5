using System.Text.RegularExpressions;
using Spectra.Core.Logging;

namespace Spectra.Core.Configuration;

/// <summary>The keys whose values are secret: never printed, masked by Get-SpectraConfig, scrubbed from findings.</summary>
public static partial class SecretKeys
{
    private static readonly HashSet<string> s_names = new(StringComparer.OrdinalIgnoreCase)
    {
        "api_hash", "phone", "password", "secret",
    };

    /// <summary>True for the name of a key the schema declares secret (variables pass their last level, e.g. "password").</summary>
    public static bool IsSecretName(string name) => s_names.Contains(name);

    /// <summary>
    /// True when the value at <paramref name="path"/> is a secret: a key the schema declares secret, or a key the
    /// schema does not know whose name looks like a secret by the rule the log redactor applies to property names
    /// ("passwd", "bot_token"). For known keys the schema decides, so accounts[0].session (a file path) stays visible.
    /// </summary>
    public static bool IsSecret(string path)
    {
        var leaf = ConfigPath.Leaf(path);
        return IsSecretName(leaf) || (!IsKnown(path) && SecretNames.IsSecret(leaf));
    }

    /// <summary>
    /// True when the value at <paramref name="path"/> must not be shown: every secret, and the value of any key the
    /// schema does not know. A misspelt key ("api_hsah", "pasword") is exactly where a real secret ends up and its
    /// name cannot tell; Test-SpectraConfig names such keys so they can be corrected. The same goes for a plain value
    /// where the schema expects a section: "proxy": "socks5://user:password@host:port" is the form -Proxy takes.
    /// </summary>
    public static bool IsHidden(string path) => !IsKnown(path) || IsSecret(path) || IsSection(path);

    /// <summary>True when the schema expects an object or a list of objects at <paramref name="path"/>.</summary>
    private static bool IsSection(string path) => ConfigSchema.NodeFor(path)?["type"]?.GetValue<string>() switch
    {
        "object" => true,
        "array" => ConfigSchema.NodeFor(ConfigPath.Index(path, 0))?["type"]?.GetValue<string>() == "object",
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="value"/> carries user:password@ (a proxy URL pasted into proxy.host): it holds a
    /// password whatever its key, so it is masked and makes the file that holds it one that holds secrets.
    /// </summary>
    public static bool HoldsCredentials(string value) => UrlCredentials().IsMatch(value);

    /// <summary>True when the schema describes <paramref name="path"/>.</summary>
    public static bool IsKnown(string path) => ConfigSchema.NodeFor(path) is not null;

    /// <summary>Display-only mask (the shared SecretValue type lives elsewhere): says whether a value is set, nothing more.</summary>
    public static string Mask(string? value) => string.IsNullOrEmpty(value) ? string.Empty : "********";

    [GeneratedRegex(@"[^\s/@:]+:[^\s/@]*@")]
    private static partial Regex UrlCredentials();
}
