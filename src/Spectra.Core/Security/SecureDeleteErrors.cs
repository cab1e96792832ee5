namespace Spectra.Core.Security;

/// <summary>The stable error ids secure deletion reports, one per reason a file was not (fully) erased.</summary>
public static class SecureDeleteErrors
{
    public const string PathNotFound = "SecureDeletePathNotFound";
    public const string DirectoryNeedsRecurse = "SecureDeleteDirectoryNeedsRecurse";
    public const string HardLinkRefused = "SecureDeleteHardLinkRefused";
    public const string ReadOnlyRefused = "SecureDeleteReadOnlyRefused";
    public const string NotRegularFile = "SecureDeleteNotRegularFile";
    public const string VerificationFailed = "SecureDeleteVerificationFailed";
    public const string FileChanged = "SecureDeleteFileChanged";
    public const string Failed = "SecureDeleteFailed";
    public const string InvalidPasses = "SecureDeleteInvalidPasses";
}
