namespace Spectra.Core.Logging;

/// <summary>
/// Stands in for a logged exception so sinks print its text with secrets removed. Sinks only call ToString and read
/// Message, so the original's type name, message and stack trace survive, redacted.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    public RedactedException(Exception original)
        : base(Redactor.Redact(original?.Message))
    {
        ArgumentNullException.ThrowIfNull(original);
        _text = Redactor.Redact(original.ToString());
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
    }

    public string OriginalType { get; }

    public override string ToString() => _text;
}
