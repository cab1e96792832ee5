using Spectra.Core.Export;

namespace Spectra.PowerShell.Models;

/// <summary>What Export-SpectraArchive wrote for one chat.</summary>
public sealed class ArchiveExportSummary
{
    internal ArchiveExportSummary(ExportedChat chat, string destination, string database)
    {
        PeerId = chat.PeerId;
        Chat = chat.Chat;
        Format = chat.Format;
        Messages = chat.Messages;
        MediaFiles = chat.MediaFiles;
        MediaMissing = chat.MediaMissing;
        Path = chat.Path;
        Destination = destination;
        Database = database;
    }

    /// <summary>The archive's (marked) peer id.</summary>
    public long PeerId { get; }

    public string Chat { get; }

    /// <summary>Json or Html.</summary>
    public string Format { get; }

    public long Messages { get; }

    /// <summary>Files copied next to the export.</summary>
    public long MediaFiles { get; }

    /// <summary>Attachments the archive has no file for (not exported, not downloaded, refused).</summary>
    public long MediaMissing { get; }

    /// <summary>The chat's result.json or the first HTML page.</summary>
    public string Path { get; }

    public string Destination { get; }

    /// <summary>The archive the chat was exported from: binds -Database, so a pipeline goes on reading that archive.</summary>
    public string Database { get; }
}
