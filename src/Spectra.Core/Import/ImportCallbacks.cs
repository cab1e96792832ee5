namespace Spectra.Core.Import;

/// <summary>
/// How an import reports as it goes: each finished chat and each per-message problem is handed out at once, so a
/// caller can stream them (the cmdlet writes them to the pipeline) instead of the importer keeping them all.
/// </summary>
public sealed class ImportCallbacks
{
    public Action<ImportChatSummary>? ChatCompleted { get; init; }

    public Action<ImportMessageError>? MessageFailed { get; init; }

    /// <summary>Called after each committed batch with the number of messages read so far (tests use it to interrupt).</summary>
    public Action<long>? BatchCommitted { get; init; }
}
