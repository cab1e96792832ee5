namespace Spectra.Core.Hosting;

/// <summary>
/// How the engine talks to whoever hosts it (a cmdlet, a test, a service) without knowing what that is.
/// Implementations may be called from any thread; the PowerShell host queues the calls and replays them on the
/// pipeline thread, because PowerShell only accepts stream writes there.
/// </summary>
public interface IHostMessageSink
{
    /// <summary>A log line, already rendered and redacted.</summary>
    void Log(HostLogLevel level, string message);

    void Progress(ProgressInfo progress);
}
