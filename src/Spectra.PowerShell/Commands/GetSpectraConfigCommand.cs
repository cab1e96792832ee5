using System.Management.Automation;
using Spectra.Core.Configuration;
using Spectra.Core.Errors;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>Shows every effective configuration value and the layer it came from, secrets masked.</summary>
[Cmdlet(VerbsCommon.Get, "SpectraConfig", DefaultParameterSetName = "Path")]
[OutputType(typeof(SpectraConfigValue))]
public sealed class GetSpectraConfigCommand : SpectraCmdlet
{
    /// <summary>The config file; default: $env:SPECTRA_CONFIG, else spectra_config.json in the current directory if present.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "Path")]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The config file, taken exactly as written (no wildcard expansion).</summary>
    [Parameter(Mandatory = true, ParameterSetName = "LiteralPath")]
    [Alias("LP")]
    [ValidateNotNullOrEmpty]
    public string? LiteralPath { get; set; }

    protected override void ProcessRecord() => ConfigCommandSupport.ForEachFile(this, Path, LiteralPath, Emit);

    private void Emit(string? file)
    {
        LoadedConfig loaded;
        try
        {
            loaded = SpectraConfigLoader.Load(file, ConfigCommandSupport.EnvironmentSnapshot(), ConfigCommandSupport.BaseDirectory(this));
        }
        catch (SpectraException ex)
        {
            WriteSpectraError(ex, file ?? LiteralPath ?? Path);
            return;
        }

        WriteVerbose(loaded.FilePath is null
            ? "No configuration file: showing defaults, .env and environment variables."
            : $"Configuration file: {loaded.FilePath}");
        if (loaded.DotEnv is { } dotEnv)
        {
            WriteVerbose($".env file: {dotEnv.Path} ({dotEnv.Entries.Count} assignment(s))");
        }

        foreach (var entry in loaded.Entries())
        {
            WriteObject(new SpectraConfigValue(entry.Key, entry.DisplayValue, entry.IsSecret, entry.Origin.Source.ToString(),
                entry.Origin.Location, loaded.FilePath));
        }
    }
}
