using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectra.Core.Errors;

namespace Spectra.Core.Import;

/// <summary>
/// Maps one message object of Telegram Desktop's JSON export to an <see cref="ExportMessage"/>. Tolerant where the
/// format varies across Telegram Desktop versions (text as string or array, unixtime as string or number, prefixed
/// or numeric ids), strict where a message would be meaningless (no id, no date): those raise
/// <see cref="SpectraException"/> with the field and line, and the importer records them per message.
/// </summary>
public static class TdesktopMessageParser
{
    /// <summary>Document fields that carry a file, with the kind used when media_type does not say more.</summary>
    private static readonly (string Field, string SizeField)[] FileFields =
    [
        ("photo", "photo_file_size"),
        ("file", "file_size"),
        ("thumbnail", "thumbnail_file_size"),
        ("contact_vcard", "contact_vcard_file_size"),
    ];

    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static ExportMessage Parse(ReadOnlySpan<byte> json, string file, int line, string path)
    {
        var bytes = json.ToArray();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw Invalid("ExportMessageInvalidJson", $"The message is not valid JSON: {ex.Message}", file, line, path);
        }

        using (document)
        {
            return Parse(document.RootElement, bytes, file, line, path);
        }
    }

    public static ExportMessage Parse(JsonElement m, byte[] rawUtf8, string file, int line, string path)
    {
        if (m.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("ExportMessageNotObject", "A message must be a JSON object.", file, line, path);
        }

        if (!m.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.Number
            || !idElement.TryGetInt64(out var id))
        {
            throw Invalid("ExportMessageIdMissing", "The message has no numeric 'id'.", file, line, path + ".id");
        }

        var date = ReadDate(m, "date_unixtime", "date", file, line, path)
            ?? throw Invalid("ExportMessageDateMissing", "The message has neither 'date_unixtime' nor a readable 'date'.",
                file, line, path + ".date");
        var edited = ReadDate(m, "edited_unixtime", "edited", file, line, path);
        var (text, derived) = ReadText(m, file, line, path);
        var entities = m.TryGetProperty("text_entities", out var te) && te.ValueKind == JsonValueKind.Array
            ? ReadEntities(te)
            : derived;
        var mediaType = String(m, "media_type");
        var media = ReadMedia(m, mediaType);

        return new ExportMessage
        {
            Id = id,
            Type = String(m, "type") ?? "message",
            Date = date,
            EditDate = edited,
            FromName = String(m, "from"),
            FromId = Peer(m, "from_id"),
            Author = String(m, "author"),
            ReplyToMessageId = Int64(m, "reply_to_message_id"),
            ReplyToPeerId = Int64(m, "reply_to_peer_id"),
            ForwardedFrom = String(m, "forwarded_from"),
            SavedFrom = String(m, "saved_from"),
            ViaBot = String(m, "via_bot"),
            Text = text,
            Entities = entities,
            Action = String(m, "action"),
            ActorName = String(m, "actor"),
            ActorId = Peer(m, "actor_id"),
            MediaType = mediaType,
            StickerEmoji = String(m, "sticker_emoji"),
            Media = media,
            RawUtf8 = rawUtf8,
        };
    }

    /// <summary>True when a path field holds Telegram Desktop's sentence for a file it did not write.</summary>
    public static bool IsPlaceholder(string value) =>
        value.StartsWith("(File ", StringComparison.Ordinal)
        || (value.StartsWith('(') && value.EndsWith(')') && value.Contains(' ', StringComparison.Ordinal));

    private static DateTimeOffset? ReadDate(JsonElement m, string unixField, string isoField, string file, int line, string path)
    {
        if (m.TryGetProperty(unixField, out var unix))
        {
            long seconds;
            if ((unix.ValueKind == JsonValueKind.String
                    && long.TryParse(unix.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds))
                || (unix.ValueKind == JsonValueKind.Number && unix.TryGetInt64(out seconds)))
            {
                // A damaged or edited export can hold any number; only years 1 to 9999 are times at all.
                return seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : throw Invalid("ExportMessageDateInvalid",
                        FormattableString.Invariant($"'{unixField}' is {seconds}, which is not a time between the years 1 and 9999."),
                        file, line, path + "." + unixField);
            }
        }

        // Old exports only have the ISO form, written in the exporting machine's local time without an offset.
        // The offset is unknowable, so it is read as UTC.
        if (m.TryGetProperty(isoField, out var iso) && iso.ValueKind == JsonValueKind.String
            && DateTime.TryParse(iso.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return new DateTimeOffset(parsed, TimeSpan.Zero);
        }

        return null;
    }

    private static (string Text, IReadOnlyList<ExportTextEntity> Entities) ReadText(JsonElement m, string file, int line, string path)
    {
        if (!m.TryGetProperty("text", out var text) || text.ValueKind == JsonValueKind.Null)
        {
            return (string.Empty, []);
        }

        if (text.ValueKind == JsonValueKind.String)
        {
            return (text.GetString()!, []);
        }

        if (text.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("ExportMessageTextInvalid", "'text' must be a string or an array of strings and entity objects.",
                file, line, path + ".text");
        }

        var builder = new StringBuilder();
        var entities = new List<ExportTextEntity>();
        foreach (var part in text.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.String)
            {
                builder.Append(part.GetString());
            }
            else if (part.ValueKind == JsonValueKind.Object)
            {
                var piece = String(part, "text") ?? string.Empty;
                entities.Add(Entity(part, builder.Length, piece.Length));
                builder.Append(piece);
            }
        }

        return (builder.ToString(), entities.Where(e => e.Type != "plain").ToList());
    }

    private static List<ExportTextEntity> ReadEntities(JsonElement array)
    {
        var offset = 0;
        var entities = new List<ExportTextEntity>();
        foreach (var part in array.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var piece = String(part, "text") ?? string.Empty;
            var entity = Entity(part, offset, piece.Length);
            if (entity.Type != "plain")
            {
                entities.Add(entity);
            }

            offset += piece.Length;
        }

        return entities;
    }

    private static ExportTextEntity Entity(JsonElement part, int offset, int length) =>
        new(String(part, "type") ?? "unknown", offset, length,
            Url: String(part, "href"),
            UserId: Int64(part, "user_id"),
            Language: String(part, "language"),
            DocumentId: String(part, "document_id") ?? Int64(part, "document_id")?.ToString(CultureInfo.InvariantCulture));

    private static List<ExportMediaReference> ReadMedia(JsonElement m, string? mediaType)
    {
        var media = new List<ExportMediaReference>(1);
        foreach (var (field, sizeField) in FileFields)
        {
            var value = String(m, field);
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var placeholder = IsPlaceholder(value);
            var kind = field switch
            {
                "photo" => "photo",
                "thumbnail" => "thumbnail",
                "contact_vcard" => "contact_vcard",
                _ => mediaType ?? "document",
            };
            var isMain = field is "photo" or "file";
            media.Add(new ExportMediaReference(field, kind,
                placeholder ? null : value,
                placeholder ? value : null,
                field == "file" ? String(m, "file_name") : null,
                Int64(m, sizeField),
                field == "file" ? String(m, "mime_type") : null,
                isMain ? (int?)Int64(m, "width") : null,
                isMain ? (int?)Int64(m, "height") : null,
                field == "file" ? (int?)Int64(m, "duration_seconds") : null));
        }

        return media;
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Int64(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n))
        {
            return n;
        }

        return v.ValueKind == JsonValueKind.String
            && long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n) ? n : null;
    }

    private static ExportPeerReference? Peer(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var bare))
        {
            return new ExportPeerReference(ExportPeerKind.User, bare);
        }

        return v.ValueKind == JsonValueKind.String && ExportPeerReference.TryParse(v.GetString(), out var peer) ? peer : null;
    }

    /// <summary>
    /// The error for a message holding a string .NET cannot decode: an unpaired UTF-16 surrogate written as an
    /// escape (<c>"\ud83d"</c>) is valid JSON syntax but no text. System.Text.Json only notices when the string is
    /// read (with an InvalidOperationException), so the importer asks this when reading failed that way; it names
    /// the first such string's field, and is null when every string decodes (the failure was something else).
    /// </summary>
    public static SpectraException? BrokenText(JsonElement m, string file, int line, string path, Exception cause) =>
        BrokenStringPath(m) is { } field
            ? new("ExportMessageTextInvalid", SpectraErrorCategory.InvalidData,
                "A string in the message is not valid Unicode (an unpaired surrogate escape such as \\ud83d): " + cause.Message,
                "Fix or remove this message in the export (or re-export the chat); the other messages are imported.",
                new ErrorLocation(file, line, path + field), cause)
            : null;

    /// <summary>The JSON path (from <paramref name="e"/>) of the first property name or string value that cannot be decoded; null when all can.</summary>
    private static string? BrokenStringPath(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(() => e.GetString()) ? null : "";
            case JsonValueKind.Object:
                foreach (var property in e.EnumerateObject())
                {
                    if (!Decodes(() => property.Name))
                    {
                        return "";
                    }

                    if (BrokenStringPath(property.Value) is { } inner)
                    {
                        return "." + property.Name + inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in e.EnumerateArray())
                {
                    if (BrokenStringPath(item) is { } inner)
                    {
                        return FormattableString.Invariant($"[{index}]") + inner;
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Decodes(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static SpectraException Invalid(string id, string message, string file, int line, string field) =>
        new(id, SpectraErrorCategory.InvalidData, message,
            "Fix or remove this message in the export (or re-export the chat); the other messages are imported.",
            new ErrorLocation(file, line, field));
}
