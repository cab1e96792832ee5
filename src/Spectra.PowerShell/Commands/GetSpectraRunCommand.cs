using System.Management.Automation;
using Spectra.Core.Storage.Model;
using Spectra.Core.Storage.Query;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>
/// Lists the runs recorded in an archive (imports, optimizes), newest first: how each ended, what
/// it wrote, and which ones were interrupted.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SpectraRun")]
[OutputType(typeof(SpectraRun))]
public sealed class GetSpectraRunCommand : ArchiveReaderCmdlet
{
    /// <summary>Only these runs.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("RunId")]
    public long[]? Id { get; set; }

    /// <summary>Only runs of these kinds.</summary>
    [Parameter]
    [ValidateSet(nameof(RunKind.Import), nameof(RunKind.Optimize))]
    public string[]? Kind { get; set; }

    /// <summary>Only runs with these outcomes (Interrupted: recorded as running, but the process is gone).</summary>
    [Parameter]
    [ValidateSet("Succeeded", "Partial", "Failed", "Cancelled", "Running", "Interrupted")]
    public string[]? Outcome { get; set; }

    /// <summary>Only runs started at or after this time.</summary>
    [Parameter]
    [DateArgument]
    public DateTime? After { get; set; }

    /// <summary>Only runs started before this time.</summary>
    [Parameter]
    [DateArgument]
    public DateTime? Before { get; set; }

    /// <summary>At most this many runs (the newest).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? First { get; set; }

    protected override void ProcessArchiveRecord()
    {
        var reader = Reader;
        // Channels, messages and summaries piped in name only their archive, one object per chat or message: its runs
        // are listed once. Runs piped in name one run each, so they are told apart by their ids.
        if (!FirstTimeFor(Id is null ? reader.Path : reader.Path + " -Id " + string.Join(",", Id)))
        {
            return;
        }

        var query = new RunQuery
        {
            Ids = Id,
            Kinds = Kind?.Select(kind => Enum.Parse<RunKind>(kind, ignoreCase: true)).ToList(), // ValidateSet ignores case
            After = DateArguments.ToOffset(After),
            Before = DateArguments.ToOffset(Before),
        };
        var written = 0;
        foreach (var run in reader.GetRuns(query))
        {
            // Interrupted is worked out per run (is its process alive?), so the outcome is filtered here, not in SQL.
            var output = new SpectraRun(run, reader.Path);
            if (Outcome is not null && !Outcome.Contains(output.Outcome, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            WriteObject(output);
            if (++written == First)
            {
                return;
            }
        }
    }
}
