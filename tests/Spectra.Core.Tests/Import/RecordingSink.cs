using Spectra.Core.Hosting;

namespace Spectra.Core.Tests.Import;

/// <summary>Keeps what the engine reports to its host.</summary>
internal sealed class RecordingSink : IHostMessageSink
{
    public List<ProgressInfo> Progress { get; } = [];

    public List<string> Logs { get; } = [];

    public void Log(HostLogLevel level, string message)
    {
        lock (Logs)
        {
            Logs.Add($"{level}: {message}");
        }
    }

    void IHostMessageSink.Progress(ProgressInfo progress)
    {
        lock (Progress)
        {
            Progress.Add(progress);
        }
    }
}
