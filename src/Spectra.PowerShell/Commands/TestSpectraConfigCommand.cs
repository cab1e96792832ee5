using System.Management.Automation;
using Spectra.Core.Configuration;
using Spectra.Core.Errors;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>Validates a configuration (schema, security, business rules, paths, targets, environment): one object per finding.</summary>
[Cmdlet(VerbsDiagnostic.Test, "SpectraConfig", DefaultParameterSetName = "Path")]
[OutputType(typeof(SpectraConfigFinding), typeof(bool))]
public sealed class TestSpectraConfigCommand : ConfigFileCmdlet
{
    /// <summary>Return only $true (nothing failed) or $false, once per file.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    private protected override void ProcessFile(string? file)
    {
        IReadOnlyList<ConfigFinding> findings;
        string? configFile = file;
        try
        {
            var loaded = SpectraConfigLoader.Load(file, ConfigCommandSupport.EnvironmentSnapshot(), ConfigCommandSupport.BaseDirectory(this), PathParameter);
            configFile = loaded.FilePath;
            WriteVerbose(configFile is null ? "No configuration file: validating defaults, .env and environment variables." : $"Validating {configFile}");
            findings = ConfigValidator.Validate(loaded);
        }
        catch (SpectraException ex) when (ex.Category == SpectraErrorCategory.ParserError)
        {
            // A file that does not parse is a finding (Fail, with file and line), not a reason to stop the pipeline.
            findings = [ConfigValidator.ParseFailure(ex)];
        }
        catch (SpectraException ex)
        {
            WriteSpectraError(ex, file ?? LiteralPath ?? Path);
            if (Quiet)
            {
                WriteObject(false);
            }

            return;
        }

        if (Quiet)
        {
            WriteObject(ConfigValidator.Passed(findings));
            return;
        }

        foreach (var finding in findings)
        {
            WriteObject(new SpectraConfigFinding(finding.Check.ToString(), finding.Status.ToString(), finding.Field,
                finding.Message, finding.Location, configFile));
        }
    }
}
