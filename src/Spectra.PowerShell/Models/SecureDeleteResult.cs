using Spectra.Core.Security;

namespace Spectra.PowerShell.Models;

/// <summary>
/// One erased file as Remove-SpectraSecureFile reports it. Verified is true when the last (random) pass was read back
/// and matched; Warnings name every limit that applied (links, other hard links, copy-on-write or flash storage).
/// </summary>
public sealed class SecureDeleteResult
{
    internal SecureDeleteResult(SecureEraseResult result)
    {
        Path = result.Path;
        Size = result.Size;
        Passes = result.Passes;
        Verified = result.Verified;
        Duration = result.Duration;
        Warnings = [.. result.Warnings];
    }

    public string Path { get; }

    public long Size { get; }

    public int Passes { get; }

    public bool Verified { get; }

    public TimeSpan Duration { get; }

    public string[] Warnings { get; }
}
