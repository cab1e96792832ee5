using System.Collections.Concurrent;
using Spectra.Core.Hosting;

namespace Spectra.Core.Tests.Support;

/// <summary>Records what the engine sends to its host, in order, from any thread.</summary>
public sealed class CollectingHost : IHostMessageSink
{
    public ConcurrentQueue<(HostLogLevel Level, string Message)> Messages { get; } = new();

    public ConcurrentQueue<ProgressInfo> ProgressReports { get; } = new();

    public void Log(HostLogLevel level, string message) => Messages.Enqueue((level, message));

    public void Progress(ProgressInfo progress) => ProgressReports.Enqueue(progress);
}
