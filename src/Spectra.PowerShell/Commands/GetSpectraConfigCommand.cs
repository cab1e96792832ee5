using System.Management.Automation;
using Spectra.Core.Configuration;
using Spectra.Core.Errors;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>Shows every effective configuration value and the layer it came from, secrets masked.</summary>
[Cmdlet(VerbsCommon.Get, "SpectraConfig", DefaultParameterSetName = "Path")]
[OutputType(typeof(SpectraConfigValue))]
public sealed class GetSpectraConfigCommand : ConfigFileCmdlet
{
    private protected override void ProcessFile(string? file)
    {
        LoadedConfig loaded;
        try
        {
            loaded = SpectraConfigLoader.Load(file, ConfigCommandSupport.EnvironmentSnapshot(), ConfigCommandSupport.BaseDirectory(this), PathParameter);
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
