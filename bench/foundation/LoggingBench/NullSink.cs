using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Spectra.Bench.Logging;

/// <summary>Formats every event into a reused buffer and drops it: the cost of the pipeline without disk I/O.</summary>
internal sealed class NullSink(ITextFormatter formatter) : ILogEventSink
{
    private readonly StringWriter _buffer = new(System.Globalization.CultureInfo.InvariantCulture);

    public long Characters { get; private set; }

    public void Emit(LogEvent logEvent)
    {
        formatter.Format(logEvent, _buffer);
        Characters += _buffer.GetStringBuilder().Length;
        _buffer.GetStringBuilder().Clear();
    }
}
