namespace Spectra.PowerShell.Models;

/// <summary>One effective configuration value as Get-SpectraConfig shows it. Secret values arrive already masked.</summary>
public sealed class SpectraConfigValue
{
    public SpectraConfigValue(string key, string value, bool isSecret, string source, string location, string? configFile)
    {
        Key = key;
        Value = value;
        IsSecret = isSecret;
        Source = source;
        Location = location;
        ConfigFile = configFile;
    }

    /// <summary>Field path, e.g. accounts[0].api_hash.</summary>
    public string Key { get; }

    /// <summary>The value as text; "********" for a secret that is set.</summary>
    public string Value { get; }

    public bool IsSecret { get; }

    /// <summary>Environment, DotEnv, File or Default.</summary>
    public string Source { get; }

    /// <summary>file:line, .env:line (NAME) or $env:NAME; empty for defaults.</summary>
    public string Location { get; }

    /// <summary>The config file that was read, or null when none was.</summary>
    public string? ConfigFile { get; }

    public override string ToString() => $"{Key} = {Value} ({Source})";
}
