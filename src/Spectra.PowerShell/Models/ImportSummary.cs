using Spectra.Core.Import;

namespace Spectra.PowerShell.Models;

/// <summary>What Import-SpectraExport did for one chat of an export.</summary>
public sealed class ImportSummary
{
    internal ImportSummary(ImportChatSummary summary, string exportPath, string database)
    {
        Chat = summary.Chat;
        ChatId = summary.ChatId;
        PeerId = summary.PeerId;
        Type = summary.Type;
        Imported = summary.Imported;
        Updated = summary.Updated;
        Skipped = summary.Skipped;
        Failed = summary.Failed;
        MediaStored = summary.MediaStored;
        MediaMissing = summary.MediaMissing;
        Duration = summary.Duration;
        ExportPath = exportPath;
        Database = database;
    }

    /// <summary>The chat's name as exported.</summary>
    public string? Chat { get; }

    /// <summary>The bare Telegram id the export gives.</summary>
    public long ChatId { get; }

    /// <summary>The archive's (marked) peer id, as Get-SpectraMessage -Channel takes it.</summary>
    public long PeerId { get; }

    /// <summary>The export's chat type (public_channel, private_supergroup, personal_chat, ...).</summary>
    public string? Type { get; }

    /// <summary>Messages new to the archive.</summary>
    public long Imported { get; }

    /// <summary>Messages merged into rows that were already there with different content.</summary>
    public long Updated { get; }

    /// <summary>Messages already archived identically (a re-import).</summary>
    public long Skipped { get; }

    /// <summary>Messages that could not be read or written (each reported as an error).</summary>
    public long Failed { get; }

    public long MediaStored { get; }

    /// <summary>Files the export did not include (placeholders), could not find, or refused (unsafe paths).</summary>
    public long MediaMissing { get; }

    public TimeSpan Duration { get; }

    public string ExportPath { get; }

    public string Database { get; }
}
