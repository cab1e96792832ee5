using System.Buffers;
using System.Text;
using System.Text.Json;
using Spectra.Core.Storage.Model;

namespace Spectra.Core.Import;

/// <summary>
/// Turns a parsed export message into the archive's row. Typed columns get what they can hold; the remaining fields
/// go, untouched, into <c>action_json</c> (service messages: actor, members, title, ...) or <c>extra_json</c>
/// (polls, contacts, locations, reactions, inline buttons, games, invoices, ...), and the whole object is kept as
/// raw bytes tagged <see cref="ExportMessage.RawLayer"/>, so nothing of the export is lost.
/// </summary>
public static class ExportMessageMapper
{
    /// <summary>Fields that the typed columns or the media rows already hold.</summary>
    private static readonly HashSet<string> s_typed = new(StringComparer.Ordinal)
    {
        "id", "type", "date", "date_unixtime", "edited", "edited_unixtime", "from", "from_id", "author",
        "reply_to_message_id", "reply_to_peer_id", "forwarded_from", "via_bot", "text", "text_entities",
        "photo", "photo_file_size", "file", "file_name", "file_size", "thumbnail", "thumbnail_file_size",
        "mime_type", "duration_seconds", "width", "height", "media_type", "contact_vcard", "contact_vcard_file_size",
        "action",
    };

    /// <summary>Per-file fields kept with the media row rather than the message.</summary>
    private static readonly string[] s_mediaExtras = ["sticker_emoji", "performer", "title"];

    public static long MarkedPeerId(ExportPeerReference peer) => PeerIds.Mark(peer.Kind switch
    {
        ExportPeerKind.Channel => PeerType.Channel,
        ExportPeerKind.Chat => PeerType.Group,
        _ => PeerType.User,
    }, peer.Id);

    public static PeerType PeerTypeOf(ExportChat chat) => chat.Type switch
    {
        "bot_chat" => PeerType.Bot,
        "personal_chat" or "saved_messages" or "replies" or "verification_codes" => PeerType.User,
        "private_group" => PeerType.Group,
        "private_supergroup" or "public_supergroup" => PeerType.Supergroup,
        _ => PeerType.Channel,
    };

    public static ArchivedMessage Map(ExportMessage message, JsonElement element, IReadOnlyList<ArchivedMedia> media)
    {
        var isService = message.Type == "service";
        var rest = RemainingFields(element);
        return new ArchivedMessage(message.Id, message.Date)
        {
            Kind = message.Type switch
            {
                "service" => MessageKind.Service,
                "unsupported" => MessageKind.Unsupported,
                _ => MessageKind.Message,
            },
            EditDate = message.EditDate,
            SenderId = message.FromId is { } from ? MarkedPeerId(from)
                : message.ActorId is { } actor ? MarkedPeerId(actor) : null,
            SenderName = message.FromName ?? message.ActorName,
            PostAuthor = message.Author,
            ReplyToMessageId = message.ReplyToMessageId,
            ReplyToPeerId = message.ReplyToPeerId,
            Forward = message.ForwardedFrom is null ? null : new ForwardOrigin { FromName = message.ForwardedFrom },
            ViaBot = message.ViaBot,
            Text = message.Text,
            EntitiesJson = message.Entities.Count == 0 ? null : EntitiesJson(message.Entities),
            ServiceAction = message.Action,
            ServiceActionJson = isService ? rest : null,
            ExtraJson = isService ? null : rest,
            Raw = message.RawUtf8,
            RawFormat = ExportMessage.RawLayer,
            Media = media,
        };
    }

    /// <summary>The media row's extra JSON for one file of a message: the field it came from plus per-file details.</summary>
    public static string MediaExtraJson(ExportMediaReference reference, JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("field", reference.Field);
            writer.WriteString("export_path", reference.RelativePath ?? reference.Placeholder);
            if (reference.Field == "file")
            {
                foreach (var name in s_mediaExtras)
                {
                    if (element.TryGetProperty(name, out var value))
                    {
                        writer.WritePropertyName(name);
                        value.WriteTo(writer);
                    }
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string? RemainingFields(JsonElement element)
    {
        ArrayBufferWriter<byte>? buffer = null;
        Utf8JsonWriter? writer = null;
        try
        {
            foreach (var property in element.EnumerateObject())
            {
                if (s_typed.Contains(property.Name))
                {
                    continue;
                }

                if (writer is null)
                {
                    buffer = new ArrayBufferWriter<byte>(256);
                    writer = new Utf8JsonWriter(buffer);
                    writer.WriteStartObject();
                }

                property.WriteTo(writer);
            }

            if (writer is null)
            {
                return null;
            }

            writer.WriteEndObject();
            writer.Flush();
            return Encoding.UTF8.GetString(buffer!.WrittenSpan);
        }
        finally
        {
            writer?.Dispose();
        }
    }

    private static string EntitiesJson(IReadOnlyList<ExportTextEntity> entities)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * entities.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var e in entities)
            {
                writer.WriteStartObject();
                writer.WriteString("type", e.Type);
                writer.WriteNumber("offset", e.Offset);
                writer.WriteNumber("length", e.Length);
                if (e.Url is not null)
                {
                    writer.WriteString("url", e.Url);
                }

                if (e.UserId is { } user)
                {
                    writer.WriteNumber("user_id", user);
                }

                if (e.Language is not null)
                {
                    writer.WriteString("language", e.Language);
                }

                if (e.DocumentId is not null)
                {
                    writer.WriteString("document_id", e.DocumentId);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
