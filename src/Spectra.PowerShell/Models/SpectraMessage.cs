using Spectra.Core.Storage.Query;

namespace Spectra.PowerShell.Models;

/// <summary>An archived message (Get-SpectraMessage, and inside Search-SpectraMessage results).</summary>
public sealed class SpectraMessage
{
    internal SpectraMessage(MessageView view, string database)
    {
        ChannelId = view.ChannelId;
        ChannelTitle = view.ChannelTitle;
        MessageId = view.MessageId;
        Date = view.Date;
        EditDate = view.EditDate;
        Kind = view.Kind.ToString();
        SenderId = view.SenderId;
        Sender = view.Sender;
        Text = view.Text;
        ReplyToMessageId = view.ReplyToMessageId;
        TopicId = view.TopicId;
        ForwardedFrom = view.ForwardedFrom;
        Views = view.Views;
        Forwards = view.Forwards;
        ServiceAction = view.ServiceAction;
        IsDeleted = view.IsDeleted;
        Media = view.Media.Select(m => new SpectraMessageMedia(m)).ToArray();
        Database = database;
    }

    /// <summary>Marked peer id of the channel (as Get-SpectraChannel's PeerId).</summary>
    public long ChannelId { get; }

    public string? ChannelTitle { get; }

    public long MessageId { get; }

    public DateTimeOffset Date { get; }

    public DateTimeOffset? EditDate { get; }

    /// <summary>Message, Service or Unsupported.</summary>
    public string Kind { get; }

    public long? SenderId { get; }

    public string? Sender { get; }

    public string? Text { get; }

    public long? ReplyToMessageId { get; }

    public long? TopicId { get; }

    public string? ForwardedFrom { get; }

    public int? Views { get; }

    public int? Forwards { get; }

    public string? ServiceAction { get; }

    public bool IsDeleted { get; }

    public SpectraMessageMedia[] Media { get; }

    public bool HasMedia => Media.Length > 0;

    public string Database { get; }

    /// <summary>
    /// "channel/id: text", so a message shown inside another object (a search result's Message in Format-List) or
    /// in a string says which message it is, not its type name.
    /// </summary>
    public override string ToString()
    {
        var text = Text ?? (ServiceAction is null ? null : "(" + ServiceAction + ")");
        var oneLine = text is null ? string.Empty : ": " + System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        return FormattableString.Invariant($"{ChannelId}/{MessageId}") + (oneLine.Length > 82 ? oneLine[..81] + "…" : oneLine);
    }
}
