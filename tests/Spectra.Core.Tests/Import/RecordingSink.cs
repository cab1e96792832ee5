using Spectra.Core.Hosting;

namespace Spectra.Core.Tests.Import;

/// <summary>Keeps what the engine reports to its host.</summary>
internal sealed class RecordingSink : IHostMessageSink
{
    public List<ProgressInfo> Progress { get; } = [];

    public List<string> Logs { get; } = [];

    /// <summary>Called with each message after it is recorded (a test can act at a given moment, e.g. stop).</summary>
    public Action<string>? OnLog { get; init; }

    public void Log(HostLogLevel level, string message)
    {
        lock (Logs)
        {
            Logs.Add($"{level}: {message}");
        }

        OnLog?.Invoke(message);
    }

    void IHostMessageSink.Progress(ProgressInfo progress)
    {
        lock (Progress)
        {
            Progress.Add(progress);
        }
    }
}
