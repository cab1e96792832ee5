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
    public void Debug_without_Verbose_sends_engine_events_to_Debug_instead_of_prompting_for_each()
    {
        // No host here: a prompt (what WriteVerbose becomes under -Debug) fails the command.
        using var ps = Host();
        var output = ps.AddCommand("Test-DispatcherProbe").AddParameter("Count", 20).AddParameter("Debug").Invoke();

        Assert.Empty(ps.Streams.Error);
        Assert.Equal(20, output.Count);
        Assert.Empty(ps.Streams.Verbose);
        Assert.Equal(20, ps.Streams.Debug.Count(d => d.Message.StartsWith("item ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Debug_with_Verbose_keeps_engine_events_on_Verbose_and_Debug_false_changes_nothing()
    {
        using (var both = Host())
        {
            both.AddCommand("Test-DispatcherProbe").AddParameter("Count", 20).AddParameter("Verbose")
                .AddParameter("Debug", new SwitchParameter(true)).Invoke();
            Assert.Equal(20, both.Streams.Verbose.Count);
        }

        using var off = Host();
        off.AddCommand("Test-DispatcherProbe").AddParameter("Count", 20).AddParameter("Verbose")
            .AddParameter("Debug", new SwitchParameter(false)).Invoke();
        Assert.Equal(20, off.Streams.Verbose.Count);
        Assert.Empty(off.Streams.Debug);
    }

    [Fact]
    public void RunEngine_WorkThrows_FailureSurfacesAfterQueuedOutput()
    {
        using var ps = Host();
        var ex = Assert.ThrowsAny<Exception>(() => ps.AddCommand("Test-DispatcherProbe").AddParameter("Count", 3).AddParameter("Fail").Invoke());
        Assert.Contains("engine failed", ex.ToString(), StringComparison.Ordinal);
    }
}
