namespace Spectra.Core.Security;

/// <summary>
/// How <see cref="SecureFileEraser"/> works. <see cref="Passes"/> overwrite passes (1-35; the last is always random,
/// those before alternate 0x00 and 0xFF, so 3 gives 0x00, 0xFF, random). <see cref="Force"/> allows files with other
/// hard links and read-only files. <see cref="Recurse"/> allows directories.
/// </summary>
public sealed record SecureEraseOptions
{
    public const int MaxPasses = 35;

    public int Passes { get; init; } = 3;

    public bool Force { get; init; }

    public bool Recurse { get; init; }

    /// <summary>Size of each write; large blocks keep the pass sequential and the syscall count low.</summary>
    public int BlockSize { get; init; } = 1024 * 1024;
}
