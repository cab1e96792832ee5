using Spectra.Core.Storage.Integrity;

namespace Spectra.PowerShell.Models;

/// <summary>One check of Test-SpectraDatabase.</summary>
public sealed class SpectraDatabaseCheck
{
    internal SpectraDatabaseCheck(IntegrityCheckResult result, string path)
    {
        Check = result.Check;
        Status = (SpectraCheckStatus)(int)result.Status;
        Message = result.Message;
        Fix = result.Fix;
        Path = path;
    }

    public string Check { get; }

    public SpectraCheckStatus Status { get; }

    public string Message { get; }

    /// <summary>What to do about a Warn or Fail; empty on Pass.</summary>
    public string? Fix { get; }

    public string Path { get; }
}
