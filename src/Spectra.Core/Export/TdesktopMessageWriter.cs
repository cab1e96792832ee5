using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectra.Core.Storage.Model;

namespace Spectra.Core.Export;

/// <summary>
/// Writes one archived message as a Telegram Desktop export message object. A message imported from such an export
/// is written back verbatim from its raw JSON, so export and re-import round-trip exactly; other messages (archived
/// live) are rebuilt from the columns in the same shape.
/// </summary>
public static class TdesktopMessageWriter
{
    /// <summary>The sentence Telegram Desktop writes for a file it did not export; reused for files the archive lacks.</summary>
    public const string NotIncluded = "(File not included. Change data exporting settings to download.)";

    private static readonly HashSet<string> s_mediaTypes = new(StringComparer.Ordinal)
    {
        "sticker", "video_file", "voice_message", "audio_file", "animation", "video_message",
    };

    public static bool IsVerbatim(StoredMessage message) =>
        message.Raw is not null && message.RawFormat == Import.ExportMessage.RawLayer;

    /// <summary>Where a file goes in the export: its original export path when it had one, else files/&lt;hash&gt;/&lt;name&gt;.</summary>
    public static string? PathFor(StoredMedia media)
    {
        var exported = ExtraString(media.ExtraJson, "export_path");
        if (exported is not null && !Import.TdesktopMessageParser.IsPlaceholder(exported))
        {
            return exported;
        }

        if (media.Sha256 is null)
        {
            return null;
        }

        return UniquePathFor(media, media.OriginalName ?? "file" + ExtensionFor(media.Mime));
    }

    /// <summary>photos|files/&lt;hash&gt;/&lt;name of <paramref name="path"/>&gt;: a path only this file's content can claim.</summary>
    public static string UniquePathFor(StoredMedia media, string path) =>
        $"{(media.Kind == "photo" ? "photos" : "files")}/{media.Sha256}/{Path.GetFileName(path)}";

    /// <summary>Writes <paramref name="message"/>; <paramref name="writtenPath"/> gives where each of its files was copied (null: not copied).</summary>
    public static void Write(Utf8JsonWriter writer, StoredMessage message, Func<StoredMedia, string?> writtenPath)
    {
        if (IsVerbatim(message))
        {
            WriteVerbatim(writer, message, writtenPath);
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("id", message.MessageId);
        writer.WriteString("type", message.Kind);
        WriteDate(writer, "date", message.Date);
        if (message.EditDate is { } edited)
        {
            WriteDate(writer, "edited", edited);
        }

        if (message.Kind == "service")
        {
            if (message.ServiceAction is not null)
            {
                writer.WriteString("action", message.ServiceAction);
            }

            CopyProperties(writer, message.ActionJson);
            if (!HasProperty(message.ActionJson, "actor_id") && message.SenderId is { } actor)
            {
                writer.WriteString("actor", message.SenderName);
                writer.WriteString("actor_id", PrefixedId(actor));
            }
        }
        else if (message.SenderId is { } sender || message.SenderName is not null)
        {
            writer.WriteString("from", message.SenderName);
            if (message.SenderId is { } id)
            {
                writer.WriteString("from_id", PrefixedId(id));
            }
        }

        WriteIf(writer, "author", message.PostAuthor);
        WriteIf(writer, "forwarded_from", message.ForwardedFromName);
        WriteIf(writer, "via_bot", message.ViaBot);
        if (message.ReplyToMessageId is { } reply)
        {
            writer.WriteNumber("reply_to_message_id", reply);
        }

        if (message.ReplyToPeerId is { } replyPeer)
        {
            writer.WriteNumber("reply_to_peer_id", replyPeer);
        }

        foreach (var media in message.Media)
        {
            WriteMedia(writer, media, writtenPath(media));
        }

        if (message.Kind != "service")
        {
            CopyProperties(writer, message.ExtraJson);
        }

        WriteText(writer, message.Text ?? string.Empty, message.EntitiesJson);
        writer.WriteEndObject();
    }

    /// <summary>user123 / chat456 / channel789 from a marked id.</summary>
    public static string PrefixedId(long markedId)
    {
        var bare = PeerIds.Bare(markedId).ToString(CultureInfo.InvariantCulture);
        return markedId >= 0 ? "user" + bare : markedId <= -1_000_000_000_000L ? "channel" + bare : "chat" + bare;
    }

    /// <summary>
    /// The imported JSON as it was, but for a file that had to be copied to another path than the one it names
    /// (<see cref="UniquePathFor"/>): that field names the new path, or the message would be re-imported with
    /// whichever other file holds its old one.
    /// </summary>
    private static void WriteVerbatim(Utf8JsonWriter writer, StoredMessage message, Func<StoredMedia, string?> writtenPath)
    {
        var moved = message.Media
            .Select(m => (Field: ExtraString(m.ExtraJson, "field"), Path: writtenPath(m), Named: ExtraString(m.ExtraJson, "export_path")))
            .Where(m => m.Field is not null && m.Path is not null && m.Path != m.Named)
            .ToList();
        if (moved.Count == 0)
        {
            writer.WriteRawValue(message.Raw!, skipInputValidation: false);
            return;
        }

        var json = JsonNode.Parse(message.Raw)!.AsObject();
        foreach (var (field, path, _) in moved)
        {
            json[field!] = path;
        }

        json.WriteTo(writer);
    }

    private static void WriteMedia(Utf8JsonWriter writer, StoredMedia media, string? path)
    {
        var field = ExtraString(media.ExtraJson, "field") ?? media.Kind switch
        {
            "photo" => "photo",
            "thumbnail" => "thumbnail",
            "contact_vcard" => "contact_vcard",
            _ => "file",
        };
        writer.WriteString(field, path ?? (media.MissingReason is { } reason && reason.StartsWith('(') ? reason : NotIncluded));
        if (field == "file")
        {
            WriteIf(writer, "file_name", media.OriginalName);
            if (s_mediaTypes.Contains(media.Kind))
            {
                writer.WriteString("media_type", media.Kind);
            }

            WriteIf(writer, "mime_type", media.Mime);
            WriteNumberIf(writer, "duration_seconds", media.DurationSeconds);
            CopyProperties(writer, media.ExtraJson, "field", "export_path");
        }

        if (field is "photo" or "file")
        {
            WriteNumberIf(writer, "width", media.Width);
            WriteNumberIf(writer, "height", media.Height);
        }
    }

    private static void WriteText(Utf8JsonWriter writer, string text, string? entitiesJson)
    {
        var parts = new List<(string Type, string Text, JsonElement? Entity)>();
        using var entities = entitiesJson is null ? null : JsonDocument.Parse(entitiesJson);
        var position = 0;
        if (entities is not null)
        {
            foreach (var e in entities.RootElement.EnumerateArray().OrderBy(e => e.GetProperty("offset").GetInt32()))
            {
                var offset = e.GetProperty("offset").GetInt32();
                var length = e.GetProperty("length").GetInt32();
                if (offset < position || offset + length > text.Length)
                {
                    continue; // nested or out-of-range spans cannot be expressed in the flat export form
                }

                if (offset > position)
                {
                    parts.Add(("plain", text[position..offset], null));
                }

                parts.Add((e.GetProperty("type").GetString() ?? "unknown", text.Substring(offset, length), e));
                position = offset + length;
            }
        }

        if (position < text.Length)
        {
            parts.Add(("plain", text[position..], null));
        }

        if (parts.All(p => p.Type == "plain"))
        {
            writer.WriteString("text", text);
        }
        else
        {
            writer.WriteStartArray("text");
            foreach (var part in parts)
            {
                if (part.Type == "plain")
                {
                    writer.WriteStringValue(part.Text);
                }
                else
                {
                    WriteEntity(writer, part.Type, part.Text, part.Entity);
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("text_entities");
        foreach (var part in parts)
        {
            WriteEntity(writer, part.Type, part.Text, part.Entity);
        }

        writer.WriteEndArray();
    }

    private static void WriteEntity(Utf8JsonWriter writer, string type, string text, JsonElement? entity)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("text", text);
        if (entity is { } e)
        {
            if (e.TryGetProperty("url", out var url))
            {
                writer.WriteString("href", url.GetString());
            }

            if (e.TryGetProperty("user_id", out var user))
            {
                writer.WriteNumber("user_id", user.GetInt64());
            }

            if (e.TryGetProperty("language", out var language))
            {
                writer.WriteString("language", language.GetString());
            }

            if (e.TryGetProperty("document_id", out var document))
            {
                writer.WriteString("document_id", document.GetString());
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, long unix)
    {
        writer.WriteString(name, DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        writer.WriteString(name + "_unixtime", unix.ToString(CultureInfo.InvariantCulture));
    }

    private static void CopyProperties(Utf8JsonWriter writer, string? json, params string[] except)
    {
        if (json is null)
        {
            return;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (Array.IndexOf(except, property.Name) < 0)
            {
                property.WriteTo(writer);
            }
        }
    }

    private static bool HasProperty(string? json, string name)
    {
        if (json is null)
        {
            return false;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out _);
    }

    private static string? ExtraString(string? json, string name)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
    }

    private static string ExtensionFor(string? mime) => mime switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "video/mp4" => ".mp4",
        "audio/ogg" => ".ogg",
        "audio/mpeg" => ".mp3",
        "application/pdf" => ".pdf",
        _ => ".bin",
    };

    private static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNumberIf(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }
}
