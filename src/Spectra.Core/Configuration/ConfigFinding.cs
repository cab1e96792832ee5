namespace Spectra.Core.Configuration;

/// <summary>
/// One result of validating a configuration: which check, how bad, which field (a path like
/// <c>accounts[0].api_hash</c>, empty for a whole-check Pass), what is wrong and how to fix it, and where the value
/// came from. Messages name fields and sources, never secret values.
/// </summary>
public sealed record ConfigFinding(ConfigCheck Check, FindingStatus Status, string Field, string Message, ValueOrigin? Origin = null)
{
    /// <summary>file:line, .env:line or $env:NAME of the offending value; empty when it is a default or unknown.</summary>
    public string Location => Origin?.Location ?? string.Empty;
}
