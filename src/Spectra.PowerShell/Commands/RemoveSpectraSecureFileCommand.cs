using System.Management.Automation;
using Microsoft.PowerShell.Commands;
using Spectra.Core.Errors;
using Spectra.Core.Security;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>
/// Overwrites files (0x00, 0xFF, random by default), verifies the last pass, then truncates, renames and deletes
/// them. Paths resolve through the FileSystem provider; each target is confirmed on the pipeline thread before the
/// engine works on the pool, and each file yields a result or a non-terminating error.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SpectraSecureFile", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SecureDeleteResult))]
public sealed class RemoveSpectraSecureFileCommand : SpectraCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly List<string> _targets = [];

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    [Parameter]
    [ValidateRange(1, SecureEraseOptions.MaxPasses)]
    public int Passes { get; set; } = 3;

    [Parameter]
    public SwitchParameter Recurse { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        _targets.Clear();
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in literal ? LiteralPath : Path)
        {
            Resolve(path, literal);
        }

        var approved = _targets.Where(t => ShouldProcess(t, Describe(t))).ToList();
        if (approved.Count == 0)
        {
            return;
        }

        var options = new SecureEraseOptions { Passes = Passes, Force = Force, Recurse = Recurse };
        var engineLog = EngineSink;
        RunEngine((sink, ct) =>
        {
            using var eraser = SecureFileEraser.ForHost(engineLog);
            foreach (var target in approved)
            {
                ct.ThrowIfCancellationRequested();
                eraser.Erase(target, options,
                    result =>
                    {
                        foreach (var warning in result.Warnings)
                        {
                            sink.Log(Spectra.Core.Hosting.HostLogLevel.Warning, $"{result.Path}: {warning}");
                        }

                        sink.WriteObject(new SecureDeleteResult(result));
                    },
                    error => sink.WriteError(ErrorRecords.From(error, target)),
                    sink, ct);
            }

            return Task.FromResult(true);
        });
    }

    private void Resolve(string path, bool literal)
    {
        try
        {
            if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
            {
                // Unresolved on purpose: a dangling symbolic link does not "exist" for the provider but must still be removable.
                var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
                AddIfFileSystem(resolved, provider, path);
                return;
            }

            var matches = GetResolvedProviderPathFromPSPath(path, out var wildcardProvider);
            if (matches.Count == 0)
            {
                throw new ItemNotFoundException(path);
            }

            foreach (var match in matches)
            {
                AddIfFileSystem(match, wildcardProvider, path);
            }
        }
        catch (ItemNotFoundException)
        {
            WriteSpectraError(new SpectraException(SecureDeleteErrors.PathNotFound, SpectraErrorCategory.ObjectNotFound,
                $"No file matches '{path}'.", "Check the path and wildcard; use -LiteralPath for names containing [ or ]."), path);
        }
        catch (Exception ex) when (ex is System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException)
        {
            WriteSpectraError(new SpectraException(SecureDeleteErrors.PathNotFound, SpectraErrorCategory.InvalidArgument,
                $"'{path}' is not a valid file system path: {ex.Message}", "Give a path on a file system drive."), path);
        }
    }

    private void AddIfFileSystem(string resolved, ProviderInfo provider, string original)
    {
        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            WriteSpectraError(new SpectraException(SecureDeleteErrors.PathNotFound, SpectraErrorCategory.InvalidArgument,
                $"'{original}' is on the {provider.Name} provider; only files can be securely deleted.", "Give a path on a file system drive."), original);
            return;
        }

        // Normalised as the engine sees it, so the confirmation names (and describes) what will really be done.
        _targets.Add(SecureFileEraser.FullPath(resolved));
    }

    private string Describe(string target) => SecureFileEraser.IsDirectory(target)
        ? $"Overwrite every file under the directory {Passes} time(s), then delete them and the directory"
        : $"Overwrite {Passes} time(s), verify, then delete";
}
