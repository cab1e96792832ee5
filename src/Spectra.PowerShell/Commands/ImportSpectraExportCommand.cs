using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Import;
using Spectra.Core.Storage;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>
/// Imports Telegram Desktop JSON exports (a folder holding result.json, or result.json itself) into the archive.
/// One summary object per chat; per-message problems are non-terminating errors.
/// </summary>
[Cmdlet(VerbsData.Import, "SpectraExport", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(ImportSummary))]
public sealed class ImportSpectraExportCommand : SpectraCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    private ArchiveDatabase? _database;
    private string? _databasePath;
    private long _failed;

    /// <summary>Export folders or result.json files; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true,
        ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    /// <summary>
    /// Export folders or result.json files, taken literally (no wildcards). Get-Item / Get-ChildItem objects bind
    /// here by PSPath or FullName: they name one item, and as a -Path pattern 'chat[1]' would import 'chat1'.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>The archive database; created when missing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>Messages per transaction.</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    protected override void BeginProcessing() => _databasePath = DefaultDatabase.Resolve(this, Database);

    protected override void ProcessRecord()
    {
        foreach (var export in ResolveInputs())
        {
            if (!FirstTime(export))
            {
                continue;
            }

            if (!ShouldProcess(export, $"Import Telegram Desktop export into {_databasePath}"))
            {
                continue;
            }

            if (!OpenDatabase())
            {
                return;
            }

            ImportOne(export);
        }
    }

    protected override void EndProcessing()
    {
        if (_failed > 0)
        {
            WriteWarning(string.Create(CultureInfo.InvariantCulture,
                $"{_failed} message(s) could not be imported (the Failed column of the summaries); the errors above say why (for the chats that were stored, the archive's message_errors table keeps them too)."));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _database?.Dispose();
        }

        base.Dispose(disposing);
    }

    private IEnumerable<string> ResolveInputs()
    {
        if (ParameterSetName == LiteralPathSet)
        {
            foreach (var literal in LiteralPath)
            {
                yield return SessionState.Path.GetUnresolvedProviderPathFromPSPath(literal);
            }

            yield break;
        }

        foreach (var pattern in Path)
        {
            // A path that exists as written is that export, as for the config cmdlets' -Path: objects bind their Path
            // property here (an export summary's result.json), and as a pattern 'out[1]/result.json' matches nothing.
            var asIs = SessionState.Path.GetUnresolvedProviderPathFromPSPath(pattern);
            if (File.Exists(asIs) || Directory.Exists(asIs))
            {
                yield return asIs;
                continue;
            }

            Collection<string>? resolved = null;
            try
            {
                resolved = SessionState.Path.GetResolvedProviderPathFromPSPath(pattern, out _);
            }
            catch (ItemNotFoundException)
            {
                WriteSpectraError(new SpectraException("ExportNotFound", SpectraErrorCategory.ObjectNotFound,
                    "The export path does not exist.", "Check the path to the export folder or its result.json.",
                    new ErrorLocation(pattern)), pattern);
            }

            foreach (var path in resolved ?? [])
            {
                yield return path;
            }
        }
    }

    /// <summary>
    /// False for an export this command has already imported (its folder or its result.json named again). Export
    /// summaries piped in carry the same result.json once per chat; importing it again for each would redo the whole
    /// export and write its summaries again. A path that cannot be located is left to the import to report.
    /// </summary>
    private bool FirstTime(string export)
    {
        try
        {
            return FirstTimeFor(TdesktopImporter.Locate(export).ResultJson);
        }
        catch (SpectraException)
        {
            return true;
        }
    }

    private bool OpenDatabase()
    {
        if (_database is not null)
        {
            return true;
        }

        try
        {
            _database = ArchiveDatabase.Open(_databasePath!, new ArchiveOptions { MediaDirectory = OpenEngine(Database).MediaDirectory });
            return true;
        }
        catch (SpectraException ex)
        {
            ThrowSpectraError(ex, _databasePath);
            return false;
        }
    }

    private void ImportOne(string export)
    {
        var database = _database!;
        var batchSize = BatchSize;
        var engineLog = EngineSink;
        try
        {
            RunEngine(async (sink, ct) =>
            {
                var importer = new TdesktopImporter(database, engineLog) { BatchSize = batchSize };
                var callbacks = new ImportCallbacks
                {
                    ChatCompleted = summary =>
                    {
                        // Counted from the summaries, so the warning agrees with their Failed column (a chat
                        // refused for its id fails all its messages with one error).
                        Interlocked.Add(ref _failed, summary.Failed);
                        sink.WriteObject(new ImportSummary(summary, export, database.Path));
                    },
                    MessageFailed = failure =>
                    {
                        var target = string.Create(CultureInfo.InvariantCulture,
                            $"{failure.Chat ?? "chat " + failure.ChatId}#{(failure.MessageId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "?")}");
                        sink.WriteError(ErrorRecords.From(failure.Error, target));
                    },
                };
                return await importer.ImportAsync(export, callbacks, ct).ConfigureAwait(false);
            });
        }
        catch (SpectraException ex)
        {
            // A damaged or missing export stops this export only; what was read before the damage stays imported.
            WriteSpectraError(ex, export);
        }
    }
}
