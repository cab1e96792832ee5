using System.Management.Automation;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Base of the configuration cmdlets: the same -Path / -LiteralPath pair (pipeline input from Get-ChildItem) and
/// one call of <see cref="ProcessFile"/> per resolved file, or once with null for the default lookup.
/// </summary>
public abstract class ConfigFileCmdlet : SpectraCmdlet
{
    /// <summary>The config file(s); wildcards allowed; default: $env:SPECTRA_CONFIG, else spectra_config.json here.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "Path")]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? Path { get; set; }

    /// <summary>The config file, taken exactly as written (no wildcard expansion).</summary>
    [Parameter(Mandatory = true, ParameterSetName = "LiteralPath")]
    [Alias("LP")]
    [ValidateNotNullOrEmpty]
    public string? LiteralPath { get; set; }

    /// <summary>The parameter the file was given by, for messages that tell the user which one to correct.</summary>
    private protected string PathParameter => LiteralPath is null ? "-Path" : "-LiteralPath";

    protected override void ProcessRecord() => ConfigCommandSupport.ForEachFile(this, Path, LiteralPath, ProcessFile);

    /// <summary>Handles one config file (null: the default lookup).</summary>
    private protected abstract void ProcessFile(string? file);
}
