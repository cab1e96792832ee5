namespace Spectra.Core.Import;

/// <summary>
/// One message of a Telegram Desktop export, mapped to typed fields. Everything the typed fields do not hold (polls,
/// contacts, locations, reactions, inline buttons, games, invoices, giveaways, ...) stays in
/// <see cref="RawUtf8"/>, which is stored verbatim under the schema layer <see cref="RawLayer"/> so it can be
/// re-parsed later and exported back byte-for-byte.
/// </summary>
public sealed class ExportMessage
{
    /// <summary>The schema-layer tag stored with <see cref="RawUtf8"/>.</summary>
    public const string RawLayer = Storage.RawFormats.TdesktopJson;

    public required long Id { get; init; }

    /// <summary>message, service or unsupported.</summary>
    public required string Type { get; init; }

    public required DateTimeOffset Date { get; init; }

    public DateTimeOffset? EditDate { get; init; }

    public string? FromName { get; init; }

    public ExportPeerReference? FromId { get; init; }

    /// <summary>Channel post signature.</summary>
    public string? Author { get; init; }

    public long? ReplyToMessageId { get; init; }

    /// <summary>Set when the reply points into another chat.</summary>
    public long? ReplyToPeerId { get; init; }

    public string? ForwardedFrom { get; init; }

    public string? SavedFrom { get; init; }

    public string? ViaBot { get; init; }

    /// <summary>The plain text (entities flattened).</summary>
    public required string Text { get; init; }

    public required IReadOnlyList<ExportTextEntity> Entities { get; init; }

    /// <summary>The service action (create_group, pin_message, phone_call, ...), null for ordinary messages.</summary>
    public string? Action { get; init; }

    public string? ActorName { get; init; }

    public ExportPeerReference? ActorId { get; init; }

    /// <summary>sticker, video_file, voice_message, audio_file, animation, video_message, or null.</summary>
    public string? MediaType { get; init; }

    public string? StickerEmoji { get; init; }

    public required IReadOnlyList<ExportMediaReference> Media { get; init; }

    /// <summary>The message object exactly as the export wrote it (UTF-8 JSON).</summary>
    public required byte[] RawUtf8 { get; init; }

    public string RawJson => System.Text.Encoding.UTF8.GetString(RawUtf8);
}
