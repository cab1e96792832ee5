using System.Globalization;

namespace Spectra.Core.Configuration;

/// <summary>
/// Where one effective value came from: the layer, and for files the file and 1-based line, for variables the
/// variable name. This is what lets Get-SpectraConfig and every finding point at the line to fix.
/// </summary>
public sealed record ValueOrigin(ConfigSource Source, string? File = null, int Line = 0, string? Variable = null)
{
    public static readonly ValueOrigin Default = new(ConfigSource.Default);

    /// <summary>A short place to look: <c>file:line</c>, <c>.env:3 (TG_API_HASH)</c>, <c>$env:TG_API_HASH</c> or empty for defaults.</summary>
    public string Location => Source switch
    {
        ConfigSource.File => FileAndLine(),
        ConfigSource.DotEnv => Variable is null ? FileAndLine() : $"{FileAndLine()} ({Variable})",
        ConfigSource.Environment => "$env:" + Variable,
        _ => string.Empty,
    };

    /// <summary>Human wording for messages, e.g. "environment variable TG_API_HASH".</summary>
    public string Describe() => Source switch
    {
        ConfigSource.File => "the config file " + FileAndLine(),
        ConfigSource.DotEnv => $"{Variable} in {FileAndLine()}",
        ConfigSource.Environment => "environment variable " + Variable,
        _ => "the built-in default",
    };

    private string FileAndLine() =>
        Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}") : File ?? string.Empty;
}
