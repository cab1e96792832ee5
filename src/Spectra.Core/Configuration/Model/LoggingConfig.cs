namespace Spectra.Core.Configuration.Model;

/// <summary>Log level (Serilog names; common aliases such as INFO or warn are accepted), directory and redaction switch.</summary>
public sealed record LoggingConfig
{
    public string Level { get; init; } = "Information";

    public string Directory { get; init; } = "logs";

    public bool Secure { get; init; } = true;

    /// <summary>The level as a Serilog level name (Verbose, Debug, Information, Warning, Error, Fatal).</summary>
    public string CanonicalLevel => Level.ToLowerInvariant() switch
    {
        "verbose" or "trace" => "Verbose",
        "debug" => "Debug",
        "warning" or "warn" => "Warning",
        "error" => "Error",
        "fatal" or "critical" => "Fatal",
        _ => "Information",
    };
}
