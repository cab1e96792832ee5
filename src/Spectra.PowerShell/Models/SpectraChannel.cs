using Spectra.Core.Storage.Query;

namespace Spectra.PowerShell.Models;

/// <summary>An archived channel, group or chat with its totals (Get-SpectraChannel).</summary>
public sealed class SpectraChannel
{
    internal SpectraChannel(ChannelSummary summary, string database)
    {
        PeerId = summary.PeerId;
        Type = summary.Type.ToString();
        TelegramId = summary.TelegramId;
        Username = summary.Username;
        Title = summary.Title;
        MessageCount = summary.MessageCount;
        FirstDate = summary.FirstDate;
        LastDate = summary.LastDate;
        MediaCount = summary.MediaCount;
        MediaFiles = summary.MediaFiles;
        MediaBytes = summary.MediaBytes;
        SyncStatus = summary.SyncStatus?.ToString();
        HighestMessageId = summary.HighestMessageId;
        LastSynced = summary.LastSynced;
        Database = database;
    }

    /// <summary>Marked id (channels -100…): the archive's key; accepted by -Channel.</summary>
    public long PeerId { get; }

    /// <summary>User, Bot, Group, Supergroup or Channel.</summary>
    public string Type { get; }

    /// <summary>The bare Telegram id.</summary>
    public long TelegramId { get; }

    public string? Username { get; }

    public string? Title { get; }

    public long MessageCount { get; }

    public DateTimeOffset? FirstDate { get; }

    public DateTimeOffset? LastDate { get; }

    /// <summary>Attachments, stored or missing.</summary>
    public long MediaCount { get; }

    /// <summary>Distinct files stored for this channel.</summary>
    public long MediaFiles { get; }

    public long MediaBytes { get; }

    public string? SyncStatus { get; }

    public long? HighestMessageId { get; }

    public DateTimeOffset? LastSynced { get; }

    public string Database { get; }
}
