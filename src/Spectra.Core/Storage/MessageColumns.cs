using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage;

/// <summary>
/// The message columns the writer sets, with how each merges into an existing row. "Replace" columns always take
/// the incoming value; "Keep" columns take it only when it is not null, so a source that knows less (a Desktop
/// export has no view counts) never erases what a richer source archived. The raw message (bytes, layer, format)
/// moves as one: it is replaced only by a raw of the same standing, never by a Desktop export's JSON when the
/// archive holds a raw captured from Telegram itself (see <see cref="RawFormats"/>). Parameters are numbered:
/// ?1 peer, ?2 message id, ?3 archived_at, then the columns in this order from ?4.
/// </summary>
internal static class MessageColumns
{
    public static readonly (string Name, Merge Merge)[] All =
    [
        ("kind", Merge.Replace), ("date", Merge.Replace), ("deleted", Merge.Replace), ("edit_date", Merge.Keep),
        ("sender_id", Merge.Keep), ("sender_name", Merge.Keep), ("post_author", Merge.Keep),
        ("reply_to_message_id", Merge.Keep), ("reply_to_peer_id", Merge.Keep), ("topic_id", Merge.Keep),
        ("fwd_from_id", Merge.Keep), ("fwd_from_name", Merge.Keep), ("fwd_date", Merge.Keep),
        ("fwd_message_id", Merge.Keep), ("via_bot", Merge.Keep), ("text", Merge.Keep), ("entities_json", Merge.Keep),
        ("views", Merge.Keep), ("forwards", Merge.Keep), ("grouped_id", Merge.Keep), ("service_action", Merge.Keep),
        ("action_json", Merge.Keep), ("extra_json", Merge.Keep), ("raw", Merge.Raw), ("raw_layer", Merge.Raw),
        ("raw_format", Merge.Raw),
    ];

    /// <summary>How an incoming value merges into a stored row.</summary>
    public enum Merge
    {
        /// <summary>Always the incoming value.</summary>
        Replace,

        /// <summary>The incoming value unless it is null.</summary>
        Keep,

        /// <summary>Part of the raw message: all three columns take the incoming values when <see cref="RawWins"/>.</summary>
        Raw,
    }

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
        var rawWins = RawWins();
        var sets = string.Join(",\n    ", All.Select((c, i) => c.Merge switch
        {
            Merge.Replace => $"{c.Name} = {Parameter(i)}",
            Merge.Keep => $"{c.Name} = coalesce({Parameter(i)}, {c.Name})",
            _ => $"{c.Name} = CASE WHEN {rawWins} THEN {Parameter(i)} ELSE {c.Name} END",
        }));
        var changed = string.Join("\n    OR ", All.Select((c, i) => c.Merge switch
        {
            Merge.Replace => $"{c.Name} IS NOT {Parameter(i)}",
            Merge.Keep => $"({Parameter(i)} IS NOT NULL AND {c.Name} IS NOT {Parameter(i)})",
            _ => $"({rawWins} AND {c.Name} IS NOT {Parameter(i)})",
        }));
        return $"""
            UPDATE messages SET
                {sets},
                version = version + 1,
                archived_at = ?3
            WHERE peer_id = ?1 AND message_id = ?2 AND ({changed})
            """;
    }

    /// <summary>
    /// Whether the incoming raw message replaces the stored one (SQL over the stored row and the parameters): when
    /// there is one, unless it is a Desktop export's JSON and the stored raw is of another, richer format.
    /// </summary>
    private static string RawWins()
    {
        var raw = Parameter(Array.FindIndex(All, c => c.Name == "raw"));
        var format = Parameter(Array.FindIndex(All, c => c.Name == "raw_format"));
        return $"({raw} IS NOT NULL AND NOT ({format} IS '{RawFormats.TdesktopJson}' AND raw IS NOT NULL AND raw_format IS NOT '{RawFormats.TdesktopJson}'))";
    }

    private static string Parameter(int column) => "?" + (First + column).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
