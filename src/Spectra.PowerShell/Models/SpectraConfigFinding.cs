namespace Spectra.PowerShell.Models;

/// <summary>One result of Test-SpectraConfig. Messages name fields and sources, never secret values.</summary>
public sealed class SpectraConfigFinding
{
    public SpectraConfigFinding(string check, string status, string field, string message, string location, string? configFile)
    {
        Check = check;
        Status = status;
        Field = field;
        Message = message;
        Location = location;
        ConfigFile = configFile;
    }

    /// <summary>Schema, Security, BusinessRules, Paths, Targets or Environment.</summary>
    public string Check { get; }

    /// <summary>Pass, Warn or Fail.</summary>
    public string Status { get; }

    /// <summary>Field path such as accounts[0].api_hash; empty for a whole-check Pass.</summary>
    public string Field { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Where the offending value came from: file:line, .env:line (NAME) or $env:NAME.</summary>
    public string Location { get; }

    /// <summary>The config file that was validated, or null when none was (defaults and variables only).</summary>
    public string? ConfigFile { get; }

    public override string ToString() => $"[{Status}] {Check} {Field}: {Message}";
}
