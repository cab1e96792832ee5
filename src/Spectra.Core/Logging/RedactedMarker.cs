namespace Spectra.Core.Logging;

/// <summary>
/// The value a redacted property holds. Not a string, so rendered messages show <c>[REDACTED]</c> without the quotes
/// Serilog puts around strings, while JSON output still writes it as the string "[REDACTED]".
/// </summary>
public sealed class RedactedMarker
{
    public static readonly RedactedMarker Instance = new();

    private RedactedMarker()
    {
    }

    public override string ToString() => Redactor.Marker;
}
