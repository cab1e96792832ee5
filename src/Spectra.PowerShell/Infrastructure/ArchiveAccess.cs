using Spectra.Core.Errors;
using Spectra.Core.Storage.Query;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>Opens archives for the query cmdlets: a missing or unusable database stops the command with its error id.</summary>
internal static class ArchiveAccess
{
    public static ArchiveReader OpenReader(SpectraCmdlet cmdlet, string path)
    {
        try
        {
            return ArchiveReader.Open(path);
        }
        catch (SpectraException ex)
        {
            cmdlet.ThrowError(ex, path);
            throw; // not reached: ThrowTerminatingError always throws
        }
    }
}
