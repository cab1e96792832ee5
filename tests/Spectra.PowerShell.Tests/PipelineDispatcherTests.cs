using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Spectra.Core.Hosting;
using Spectra.PowerShell.Infrastructure;

namespace Spectra.PowerShell.Tests;

public class PipelineDispatcherTests
{
    /// <summary>A cmdlet whose engine work writes from pool threads: without the dispatcher PowerShell would throw.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "DispatcherProbe")]
    public sealed class TestDispatcherProbeCommand : SpectraCmdlet
    {
        [Parameter] public int Count { get; set; } = 50;

        [Parameter] public SwitchParameter Fail { get; set; }

        protected override void ProcessRecord()
        {
            RunEngine<int>(async (sink, token) =>
            {
                var writers = Enumerable.Range(0, Count).Select(i => Task.Run(() =>
                {
                    sink.WriteObject(i);
                    sink.Log(HostLogLevel.Verbose, $"item {i}");
                    sink.Progress(new ProgressInfo(1, "Probe", $"item {i}", i * 100 / Count));
                }, token));
                await Task.WhenAll(writers).ConfigureAwait(false);
                sink.Progress(new ProgressInfo(1, "Probe", "done", 100, Completed: true));
                if (Fail)
                {
                    throw new InvalidOperationException("engine failed");
                }

                return Count;
            });
        }
    }

    private static System.Management.Automation.PowerShell Host()
    {
        var iss = InitialSessionState.CreateDefault2();
        iss.Commands.Add(new SessionStateCmdletEntry("Test-DispatcherProbe", typeof(TestDispatcherProbeCommand), null));
        return System.Management.Automation.PowerShell.Create(iss);
    }

    [Fact]
    public void RunEngine_WritesFromWorkerThreads_AllArriveOnPipeline()
    {
        using var ps = Host();
        var output = ps.AddCommand("Test-DispatcherProbe").AddParameter("Count", 50).AddParameter("Verbose").Invoke();

        Assert.Empty(ps.Streams.Error);
        Assert.Equal(Enumerable.Range(0, 50), output.Select(o => (int)o.BaseObject).Order());
        Assert.Equal(50, ps.Streams.Verbose.Count);
        Assert.Contains(ps.Streams.Progress, p => p.RecordType == ProgressRecordType.Completed);
    }

    [Fact]
    public void RunEngine_WorkThrows_FailureSurfacesAfterQueuedOutput()
    {
        using var ps = Host();
        var ex = Assert.ThrowsAny<Exception>(() => ps.AddCommand("Test-DispatcherProbe").AddParameter("Count", 3).AddParameter("Fail").Invoke());
        Assert.Contains("engine failed", ex.ToString(), StringComparison.Ordinal);
    }
}
