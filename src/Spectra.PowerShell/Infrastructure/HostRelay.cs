using Spectra.Core.Hosting;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// The host sink of a cmdlet's engine session, which lives for the whole command: it forwards to the dispatcher
/// that is pumping right now (inside RunEngine), else to one that writes directly on the pipeline thread.
/// </summary>
internal sealed class HostRelay(PipelineDispatcher direct) : IHostMessageSink
{
    public PipelineDispatcher? Active { get; set; }

    private PipelineDispatcher Target => Active ?? direct;

    public void Log(HostLogLevel level, string message) => Target.Log(level, message);

    public void Progress(ProgressInfo progress) => Target.Progress(progress);
}
