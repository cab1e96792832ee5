namespace Spectra.Core.Errors;

/// <summary>
/// What kind of failure an engine error is. Mirrors the subset of PowerShell's ErrorCategory that the engine uses,
/// so the engine can classify failures without referencing PowerShell; the cmdlet layer maps it one to one.
/// </summary>
public enum SpectraErrorCategory
{
    NotSpecified,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    ObjectNotFound,
    PermissionDenied,
    ResourceUnavailable,
    ResourceBusy,
    ConnectionError,
    OperationTimeout,
    ParserError,
    ReadError,
    WriteError,
    SecurityError,
    LimitsExceeded,
    AuthenticationError,
    NotInstalled,
}
