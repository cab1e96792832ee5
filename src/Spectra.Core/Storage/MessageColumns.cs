using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage;

/// <summary>
/// The message columns the writer sets, with how each merges into an existing row. "Replace" columns always take
/// the incoming value; "Keep" columns take it only when it is not null, so a source that knows less (a Desktop
/// export has no raw TL bytes or view counts) never erases what a richer source archived. Parameters are numbered:
/// ?1 peer, ?2 message id, ?3 archived_at, then the columns in this order from ?4.
/// </summary>
internal static class MessageColumns
{
    public static readonly (string Name, bool Replace)[] All =
    [
        ("kind", true), ("date", true), ("deleted", true), ("edit_date", false), ("sender_id", false),
        ("sender_name", false), ("post_author", false), ("reply_to_message_id", false), ("reply_to_peer_id", false),
        ("topic_id", false), ("fwd_from_id", false), ("fwd_from_name", false), ("fwd_date", false),
        ("fwd_message_id", false), ("via_bot", false), ("text", false), ("entities_json", false), ("views", false),
        ("forwards", false), ("grouped_id", false), ("service_action", false), ("action_json", false),
        ("extra_json", false), ("raw", false), ("raw_layer", false), ("raw_format", false),
    ];

    private const int First = 4;

    /// <summary>Binds one message in the order of <see cref="All"/>; kept beside the list so both change together.</summary>
    public static void Bind(RawStatement statement, long peerId, ArchivedMessage m, long archivedAt)
    {
        statement.Bind(1, peerId);
        statement.Bind(2, m.MessageId);
        statement.Bind(3, archivedAt);
        var i = First;
        statement.Bind(i++, StorageText.Of(m.Kind));
        statement.Bind(i++, StorageText.Unix(m.Date));
        statement.Bind(i++, m.IsDeleted ? 1L : 0L);
        statement.Bind(i++, StorageText.Unix(m.EditDate));
        statement.Bind(i++, m.SenderId);
        statement.Bind(i++, m.SenderName);
        statement.Bind(i++, m.PostAuthor);
        statement.Bind(i++, m.ReplyToMessageId);
        statement.Bind(i++, m.ReplyToPeerId);
        statement.Bind(i++, m.TopicId);
        statement.Bind(i++, m.Forward?.FromId);
        statement.Bind(i++, m.Forward?.FromName);
        statement.Bind(i++, StorageText.Unix(m.Forward?.Date));
        statement.Bind(i++, m.Forward?.MessageId);
        statement.Bind(i++, m.ViaBot);
        statement.Bind(i++, m.Text);
        statement.Bind(i++, m.EntitiesJson);
        statement.Bind(i++, m.Views);
        statement.Bind(i++, m.Forwards);
        statement.Bind(i++, m.GroupedId);
        statement.Bind(i++, m.ServiceAction);
        statement.Bind(i++, m.ServiceActionJson);
        statement.Bind(i++, m.ExtraJson);
        statement.Bind(i++, m.Raw);
        statement.Bind(i++, m.RawLayer);
        statement.Bind(i++, m.RawFormat);
        System.Diagnostics.Debug.Assert(i == First + All.Length, "Bind and All must list the same columns.");
    }

    /// <summary>
    /// The insert: a conflict on (peer, message id) does nothing, so sqlite3_changes says whether a row was added
    /// (and last_insert_rowid is then its rowid). RETURNING would say the same at the cost of an ephemeral table per row.
    /// </summary>
    public static string InsertSql()
    {
        var names = string.Join(", ", All.Select(c => c.Name));
        var values = string.Join(", ", All.Select((_, i) => Parameter(i)));
        return $"""
            INSERT INTO messages (peer_id, message_id, archived_at, {names})
            VALUES (?1, ?2, ?3, {values})
            ON CONFLICT (peer_id, message_id) DO NOTHING
            """;
    }

    /// <summary>The merge for a message already stored: runs only when some merged value differs (else 0 changes).</summary>
    public static string UpdateSql()
    {
        var sets = string.Join(",\n    ", All.Select((c, i) => c.Replace
            ? $"{c.Name} = {Parameter(i)}"
            : $"{c.Name} = coalesce({Parameter(i)}, {c.Name})"));
        var changed = string.Join("\n    OR ", All.Select((c, i) => c.Replace
            ? $"{c.Name} IS NOT {Parameter(i)}"
            : $"({Parameter(i)} IS NOT NULL AND {c.Name} IS NOT {Parameter(i)})"));
        return $"""
            UPDATE messages SET
                {sets},
                version = version + 1,
                archived_at = ?3
            WHERE peer_id = ?1 AND message_id = ?2 AND ({changed})
            """;
    }

    private static string Parameter(int column) => "?" + (First + column).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
