using System.Management.Automation;
using Spectra.Core.Errors;
using Spectra.Core.Export;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Query;
using Spectra.PowerShell.Infrastructure;
using Spectra.PowerShell.Models;

namespace Spectra.PowerShell.Commands;

/// <summary>Exports archived chats as Telegram Desktop JSON (re-importable) or as a static HTML site.</summary>
[Cmdlet(VerbsData.Export, "SpectraArchive", SupportsShouldProcess = true)]
[OutputType(typeof(ArchiveExportSummary))]
public sealed class ExportSpectraArchiveCommand : SpectraCmdlet
{
    private readonly List<string> _channels = [];
    private string? _database;
    private bool _hadRecord;

    /// <summary>Json or Html.</summary>
    /// <remarks>A string, not the engine's enum: PowerShell must resolve parameter types outside the private load context.</remarks>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("Json", "Html", IgnoreCase = true)]
    public string Format { get; set; } = "Json";

    /// <summary>Folder to write into (created when missing).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = string.Empty;

    /// <summary>Chats to export (peer id, Telegram id, @username or title); all chats when omitted.</summary>
    [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PeerId", "ChannelId")]
    [ValidateNotNullOrEmpty]
    [ChannelArgument]
    public string[]? Channel { get; set; }

    /// <summary>The archive database; piped channels bring the one they were read from.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    /// <summary>Messages per HTML page.</summary>
    [Parameter]
    [ValidateRange(1, 100_000)]
    public int PageSize { get; set; } = 100;

    protected override void ProcessRecord()
    {
        // One export reads one archive; the chats are gathered here and exported in EndProcessing.
        _hadRecord = true;
        if (Database is not null)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Database);
            _database ??= path;
            if (!string.Equals(path, _database, StringComparison.Ordinal))
            {
                WriteSpectraError(new SpectraException("ExportMixedArchives", SpectraErrorCategory.InvalidArgument,
                    $"This chat comes from another archive than the chats before it ({_database}); one export reads one archive.",
                    "Export each archive on its own, for example by filtering the piped objects on their Database property.",
                    new ErrorLocation(path)), Channel is null ? path : string.Join(",", Channel));
                return;
            }
        }

        if (Channel is not null)
        {
            _channels.AddRange(Channel);
        }
    }

    protected override void EndProcessing()
    {
        // "No chats" means every chat only when none were asked for. A pipeline that brought none (a filter that
        // matched nothing) asked for none: exporting every chat of the default archive would be the wrong data.
        if (MyInvocation.ExpectingInput && !_hadRecord)
        {
            WriteVerbose("No chat came from the pipeline; nothing to export.");
            return;
        }

        var databasePath = DefaultDatabase.Resolve(this, _database);
        var destination = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
        if (File.Exists(destination))
        {
            ThrowSpectraError(new SpectraException("ExportDestinationIsFile", SpectraErrorCategory.InvalidArgument,
                "The destination is a file; an export is written into a folder.", "Give a folder path for -Destination.",
                new ErrorLocation(destination)), destination);
        }

        var what = _channels.Count == 0 ? "all chats" : string.Join(", ", _channels);
        if (!ShouldProcess(destination, $"Export {what} from {databasePath} as {Format}"))
        {
            return;
        }

        // Opened like the reader cmdlets open it: an export only reads, so it must not migrate or checkpoint the archive
        // (which a read-write open does) and must work where the archive cannot be written.
        ArchiveReader archive;
        try
        {
            archive = ArchiveReader.Open(databasePath, OpenEngine(_database).MediaDirectory);
        }
        catch (SpectraException ex)
        {
            ThrowSpectraError(ex, databasePath);
            return;
        }

        using (archive)
        {
            var format = string.Equals(Format, "Html", StringComparison.OrdinalIgnoreCase) ? ArchiveExportFormat.Html : ArchiveExportFormat.Json;
            var pageSize = PageSize;
            var channels = _channels.ToList();
            var engineLog = EngineSink;
            try
            {
                RunEngine(async (sink, ct) =>
                {
                    var exporter = new ArchiveExporter(archive, engineLog)
                    {
                        PageSize = pageSize,
                        MediaFailed = ex => sink.WriteError(ErrorRecords.From(ex, ex.Location?.Field)),
                    };
                    var selection = exporter.SelectPeers(channels);
                    foreach (var name in selection.Unmatched)
                    {
                        // One unknown name among known ones is reported on its own, as other cmdlets do, and the
                        // chats that were found are still exported.
                        sink.WriteError(ErrorRecords.From(ExportErrors.ChannelNotFound(archive.Path, [name]), name));
                    }

                    return await exporter.ExportAsync(format, destination, selection.Peers,
                        chat => sink.WriteObject(new ArchiveExportSummary(chat, destination, archive.Path)), ct).ConfigureAwait(false);
                });
            }
            catch (SpectraException ex)
            {
                // The names are what ChannelNotFound is about, the archive what a read failure is about; anything else
                // failed at the destination.
                ThrowSpectraError(ex, ex.ErrorId == ExportErrors.ChannelNotFoundId ? string.Join(",", channels)
                    : StorageErrors.IsReadFailure(ex) ? archive.Path : destination);
            }
        }
    }
}
