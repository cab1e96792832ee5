namespace Spectra.Core.Security;

/// <summary>
/// What happened to one file. <see cref="Passes"/> counts passes actually written (0 for links and empty files);
/// <see cref="Verified"/> says the last pass was read back from the file and matched what was written.
/// </summary>
public sealed record SecureEraseResult(string Path, long Size, int Passes, bool Verified, TimeSpan Duration, IReadOnlyList<string> Warnings);
