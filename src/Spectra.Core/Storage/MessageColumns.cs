using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage;

/// <summary>
/// The message columns the writer sets, with how each merges into an existing row. "Replace" columns always take
/// the incoming value; "Keep" columns take it only when it is not null, so a source that knows less (a Desktop
/// export has no raw TL bytes or view counts) never erases what a richer source archived.
/// </summary>
internal static class MessageColumns
{
    public static readonly (string Name, bool Replace, Func<ArchivedMessage, object?> Value)[] All =
    [
        ("kind", true, m => StorageText.Of(m.Kind)),
        ("date", true, m => StorageText.Unix(m.Date)),
        ("deleted", true, m => m.IsDeleted ? 1 : 0),
        ("edit_date", false, m => StorageText.Unix(m.EditDate)),
        ("sender_id", false, m => m.SenderId),
        ("sender_name", false, m => m.SenderName),
        ("post_author", false, m => m.PostAuthor),
        ("reply_to_message_id", false, m => m.ReplyToMessageId),
        ("reply_to_peer_id", false, m => m.ReplyToPeerId),
        ("topic_id", false, m => m.TopicId),
        ("fwd_from_id", false, m => m.Forward?.FromId),
        ("fwd_from_name", false, m => m.Forward?.FromName),
        ("fwd_date", false, m => StorageText.Unix(m.Forward?.Date)),
        ("fwd_message_id", false, m => m.Forward?.MessageId),
        ("via_bot", false, m => m.ViaBot),
        ("text", false, m => m.Text),
        ("entities_json", false, m => m.EntitiesJson),
        ("views", false, m => m.Views),
        ("forwards", false, m => m.Forwards),
        ("grouped_id", false, m => m.GroupedId),
        ("service_action", false, m => m.ServiceAction),
        ("action_json", false, m => m.ServiceActionJson),
        ("extra_json", false, m => m.ExtraJson),
        ("raw", false, m => m.Raw),
        ("raw_layer", false, m => m.RawLayer),
        ("raw_format", false, m => m.RawFormat),
    ];

    /// <summary>
    /// One UPSERT for insert, merge and no-op: the DO UPDATE only runs when some merged value differs, and RETURNING
    /// gives the row's revision (1 = just inserted, more = updated, no row = unchanged).
    /// </summary>
    public static string UpsertSql()
    {
        var names = string.Join(", ", All.Select(c => c.Name));
        var values = string.Join(", ", All.Select(c => "$" + c.Name));
        var sets = string.Join(",\n    ", All.Select(c => c.Replace
            ? $"{c.Name} = excluded.{c.Name}"
            : $"{c.Name} = coalesce(excluded.{c.Name}, messages.{c.Name})"));
        var changed = string.Join("\n    OR ", All.Select(c => c.Replace
            ? $"messages.{c.Name} IS NOT excluded.{c.Name}"
            : $"(excluded.{c.Name} IS NOT NULL AND messages.{c.Name} IS NOT excluded.{c.Name})"));
        return $"""
            INSERT INTO messages (peer_id, message_id, archived_at, {names})
            VALUES ($peer_id, $message_id, $archived_at, {values})
            ON CONFLICT (peer_id, message_id) DO UPDATE SET
                {sets},
                version = messages.version + 1,
                archived_at = excluded.archived_at
            WHERE {changed}
            RETURNING version
            """;
    }
}
