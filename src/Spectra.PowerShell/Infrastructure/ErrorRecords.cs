using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Logging;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Turns engine errors into ErrorRecords: stable id, category, target, location and a fix hint. The text users see
/// (ErrorDetails) goes through the same redaction rules as the logs, as a backstop in case a message ever quotes a
/// secret from the input.
/// </summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(SpectraException exception, object? target)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, Map(exception.Category), target)
        {
            ErrorDetails = new ErrorDetails(RedactedDetails(exception)),
        };
        if (!string.IsNullOrEmpty(exception.Fix))
        {
            record.ErrorDetails.RecommendedAction = Redactor.Redact(exception.Fix);
        }

        return record;
    }

    /// <summary>
    /// <see cref="SpectraException.DetailedMessage"/> with location and message redacted apart: joined, a location
    /// ending in a secret key ("field accounts[0].phone: The ...") reads as an assignment, and the redactor replaced
    /// the message's first word. The location is a path Spectra was given, which long mixed-case folder names make
    /// look like key material, so it keeps its long runs (<see cref="Redactor.RedactLocation"/>).
    /// </summary>
    private static string RedactedDetails(SpectraException exception) => exception.Location is null
        ? Redactor.Redact(exception.Message)
        : Redactor.RedactLocation(exception.Location.ToString()) + ": " + Redactor.Redact(exception.Message);

    public static ErrorRecord Create(string errorId, ErrorCategory category, string message, object? target,
        string? fix = null, Exception? inner = null)
    {
        var exception = new SpectraException(errorId, SpectraErrorCategory.NotSpecified, message, fix, null, inner);
        var record = new ErrorRecord(exception, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(Redactor.Redact(message)),
        };
        if (fix is not null)
        {
            record.ErrorDetails.RecommendedAction = Redactor.Redact(fix);
        }

        return record;
    }

    internal static ErrorCategory Map(SpectraErrorCategory category) => category switch
    {
        SpectraErrorCategory.InvalidArgument => ErrorCategory.InvalidArgument,
        SpectraErrorCategory.InvalidData => ErrorCategory.InvalidData,
        SpectraErrorCategory.InvalidOperation => ErrorCategory.InvalidOperation,
        SpectraErrorCategory.ObjectNotFound => ErrorCategory.ObjectNotFound,
        SpectraErrorCategory.PermissionDenied => ErrorCategory.PermissionDenied,
        SpectraErrorCategory.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        SpectraErrorCategory.ResourceBusy => ErrorCategory.ResourceBusy,
        SpectraErrorCategory.ConnectionError => ErrorCategory.ConnectionError,
        SpectraErrorCategory.OperationTimeout => ErrorCategory.OperationTimeout,
        SpectraErrorCategory.ParserError => ErrorCategory.ParserError,
        SpectraErrorCategory.ReadError => ErrorCategory.ReadError,
        SpectraErrorCategory.WriteError => ErrorCategory.WriteError,
        SpectraErrorCategory.SecurityError => ErrorCategory.SecurityError,
        SpectraErrorCategory.LimitsExceeded => ErrorCategory.LimitsExceeded,
        SpectraErrorCategory.AuthenticationError => ErrorCategory.AuthenticationError,
        SpectraErrorCategory.NotInstalled => ErrorCategory.NotInstalled,
        _ => ErrorCategory.NotSpecified,
    };
}
