using System.Collections.Concurrent;
using System.Management.Automation;
using Spectra.Core.Hosting;

namespace Spectra.PowerShell.Infrastructure;

/// <summary>
/// Carries engine callbacks from worker threads back to the pipeline thread. PowerShell throws when WriteObject,
/// WriteError, WriteProgress or ShouldProcess are called from any other thread, so workers post actions here and
/// <see cref="Pump"/> runs them on the pipeline thread until the work completes. Calls made on the pipeline thread
/// itself run at once.
/// </summary>
internal sealed class PipelineDispatcher : IHostMessageSink, IDisposable
{
    private readonly Cmdlet _cmdlet;
    private readonly int _pipelineThreadId = Environment.CurrentManagedThreadId;
    private readonly BlockingCollection<Action> _queue = new();
    private readonly bool _verboseAsDebug;

    public PipelineDispatcher(Cmdlet cmdlet)
    {
        _cmdlet = cmdlet;
        // PowerShell turns a cmdlet's own WriteVerbose into a confirmation prompt when -Debug is given without
        // -Verbose (Inquire): every engine event would stop an interactive session, and a session without a console
        // fails on it. -Debug asks for more detail, not for prompts, so the engine's verbose events then go to Debug.
        _verboseAsDebug = cmdlet is PSCmdlet invoked && CommonSwitches.IsOn(invoked, "Debug") && !CommonSwitches.IsGiven(invoked, "Verbose");
    }

    private bool OnPipelineThread => Environment.CurrentManagedThreadId == _pipelineThreadId;

    /// <summary>Runs <paramref name="action"/> on the pipeline thread (now, if already there).</summary>
    public void Post(Action action)
    {
        if (OnPipelineThread)
        {
            action();
        }
        else if (!_queue.IsAddingCompleted)
        {
            _queue.Add(action);
        }
    }

    /// <summary>Runs <paramref name="func"/> on the pipeline thread and waits for its answer (ShouldProcess, prompts).</summary>
    public T Invoke<T>(Func<T> func, CancellationToken cancellationToken)
    {
        if (OnPipelineThread)
        {
            return func();
        }

        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                answer.SetResult(func());
            }
            catch (Exception ex)
            {
                answer.SetException(ex);
            }
        });
        return answer.Task.WaitAsync(cancellationToken).GetAwaiter().GetResult();
    }

    public void WriteObject(object? value) => Post(() => _cmdlet.WriteObject(value));

    public void WriteError(ErrorRecord record) => Post(() => _cmdlet.WriteError(record));

    public void Log(HostLogLevel level, string message) => Post(() =>
    {
        switch (level)
        {
            case HostLogLevel.Warning:
                _cmdlet.WriteWarning(message);
                break;
            case HostLogLevel.Verbose when !_verboseAsDebug:
                _cmdlet.WriteVerbose(message);
                break;
            default:
                _cmdlet.WriteDebug(message);
                break;
        }
    });

    public void Progress(ProgressInfo progress) => Post(() => _cmdlet.WriteProgress(ToRecord(progress)));

    /// <summary>Runs queued actions on the pipeline thread until <paramref name="work"/> finishes, then rethrows its failure.</summary>
    public T Pump<T>(Task<T> work)
    {
        work.ContinueWith(_ => _queue.CompleteAdding(), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        foreach (var action in _queue.GetConsumingEnumerable())
        {
            action();
        }

        return work.GetAwaiter().GetResult();
    }

    public void Dispose() => _queue.Dispose();

    internal static ProgressRecord ToRecord(ProgressInfo progress)
    {
        var record = new ProgressRecord(progress.ActivityId, progress.Activity,
            string.IsNullOrEmpty(progress.Status) ? " " : progress.Status)
        {
            PercentComplete = Math.Clamp(progress.PercentComplete, -1, 100),
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            ParentActivityId = progress.ParentActivityId,
        };
        if (progress.CurrentOperation is not null)
        {
            record.CurrentOperation = progress.CurrentOperation;
        }

        return record;
    }
}
