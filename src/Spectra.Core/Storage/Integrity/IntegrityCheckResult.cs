namespace Spectra.Core.Storage.Integrity;

/// <summary>One check's verdict, with a hint on what to do when it is not a Pass.</summary>
public sealed record IntegrityCheckResult(string Check, CheckStatus Status, string Message, string? Fix = null)
{
    public static IntegrityCheckResult Pass(string check, string message) => new(check, CheckStatus.Pass, message);

    public static IntegrityCheckResult Warn(string check, string message, string fix) => new(check, CheckStatus.Warn, message, fix);

    public static IntegrityCheckResult Fail(string check, string message, string fix) => new(check, CheckStatus.Fail, message, fix);
}
