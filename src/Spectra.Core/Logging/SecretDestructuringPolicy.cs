using Serilog.Core;
using Serilog.Events;
using Spectra.Core.Security;

namespace Spectra.Core.Logging;

/// <summary>Captures a <see cref="SecretValue"/> as the redaction marker, even when logged with {@Value}.</summary>
public sealed class SecretDestructuringPolicy : IDestructuringPolicy
{
    private static readonly ScalarValue Redacted = new(RedactedMarker.Instance);

    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, out LogEventPropertyValue result)
    {
        if (value is SecretValue)
        {
            result = Redacted;
            return true;
        }

        result = null!;
        return false;
    }
}
