using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Spectra.Core.Hosting;

namespace Spectra.Core.Logging;

/// <summary>
/// Sends log events to whoever hosts the engine (in PowerShell, the running cmdlet's Debug, Verbose and Warning
/// streams, replayed on the pipeline thread by its dispatcher). Verbose and Debug events go to Debug, Information to
/// Verbose, Warning and above to Warning. Events arrive here already redacted by <see cref="RedactingSink"/>; the
/// rendered line is checked once more because rendering joins template text and values.
/// </summary>
public sealed class HostForwardingSink : ILogEventSink
{
    private readonly IHostMessageSink _host;
    private readonly bool _patterns;

    public HostForwardingSink(IHostMessageSink host, bool patterns = true)
    {
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _patterns = patterns;
    }

    public static HostLogLevel Map(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => HostLogLevel.Debug,
        LogEventLevel.Information => HostLogLevel.Verbose,
        _ => HostLogLevel.Warning,
    };

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var message = logEvent.RenderMessage(CultureInfo.InvariantCulture);
        if (logEvent.Level >= LogEventLevel.Error)
        {
            message = "Error: " + message;
        }

        if (logEvent.Exception is not null)
        {
            message += " (" + logEvent.Exception.Message + ")";
        }

        _host.Log(Map(logEvent.Level), _patterns ? Redactor.Redact(message) : message);
    }
}
