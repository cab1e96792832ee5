namespace Spectra.Core.Configuration;

/// <summary>The keys whose values are secret: never printed, masked by Get-SpectraConfig, scrubbed from findings.</summary>
public static class SecretKeys
{
    private static readonly HashSet<string> s_names = new(StringComparer.OrdinalIgnoreCase)
    {
        "api_hash", "phone", "password", "secret",
    };

    public static bool IsSecret(string path) => s_names.Contains(ConfigPath.Leaf(path));

    /// <summary>Display-only mask (the shared SecretValue type lives elsewhere): says whether a value is set, nothing more.</summary>
    public static string Mask(string? value) => string.IsNullOrEmpty(value) ? string.Empty : "********";
}
