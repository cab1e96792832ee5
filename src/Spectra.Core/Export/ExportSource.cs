using Microsoft.Data.Sqlite;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;
using Spectra.Core.Storage.Query;

namespace Spectra.Core.Export;

/// <summary>
/// Reads peers and their messages back out of an archive for export, streaming: messages and their media links are
/// two cursors ordered by message id and merged, so memory does not grow with the size of a channel.
/// Deleted messages are left out (an export shows what is there). A SQLite error while reading is DatabaseDamaged
/// or DatabaseReadFailed, as for every other read of an archive (<see cref="StorageErrors.ReadFailed"/>).
/// </summary>
public static class ExportSource
{
    public static List<ArchivedPeer> Peers(ArchiveReader archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        try
        {
            return ReadPeers(archive.Connection);
        }
        catch (SqliteException ex)
        {
            throw StorageErrors.ReadFailed(archive.Path, ex);
        }
    }

    /// <summary>
    /// The peer's messages, oldest id first. <paramref name="counted"/>, when given, is called before the first
    /// message with how many there will be: counted in the same read transaction as the messages, so the number is
    /// right even while a writer adds or deletes messages (the count in <see cref="ArchivedPeer"/> was taken earlier).
    /// </summary>
    public static IEnumerable<StoredMessage> Messages(ArchiveReader archive, long peerId, Action<long>? counted = null)
    {
        ArgumentNullException.ThrowIfNull(archive);
        return StorageErrors.MapReadErrors(ReadMessages(archive.Connection, peerId, counted), archive.Path);
    }

    private static List<ArchivedPeer> ReadPeers(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.peer_id, p.type, p.telegram_id, p.title, p.username,
                   (SELECT count(*) FROM messages m WHERE m.peer_id = p.peer_id AND m.deleted = 0), p.export_type
            FROM peers p ORDER BY p.peer_id DESC
            """;
        using var reader = command.ExecuteReader();
        var peers = new List<ArchivedPeer>();
        while (reader.Read())
        {
            peers.Add(new ArchivedPeer(reader.GetInt64(0), TypeOf(reader.GetString(1)), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt64(5)) { ImportedType = reader.IsDBNull(6) ? null : reader.GetString(6) });
        }

        return peers;
    }

    private static IEnumerable<StoredMessage> ReadMessages(SqliteConnection connection, long peerId, Action<long>? counted)
    {
        // One snapshot for the count and both cursors (deferred: the connection is read-only).
        using var snapshot = connection.BeginTransaction(deferred: true);
        if (counted is not null)
        {
            using var count = connection.CreateCommand();
            count.Transaction = snapshot;
            count.CommandText = "SELECT count(*) FROM messages WHERE peer_id = $peer AND deleted = 0";
            count.Parameters.AddWithValue("$peer", peerId);
            counted((long)count.ExecuteScalar()!);
        }

        using var messages = connection.CreateCommand();
        messages.Transaction = snapshot;
        messages.CommandText = """
            SELECT message_id, kind, date, edit_date, sender_id, sender_name, post_author, reply_to_message_id,
                   reply_to_peer_id, fwd_from_name, via_bot, text, entities_json, service_action, action_json,
                   extra_json, raw, raw_format
            FROM messages WHERE peer_id = $peer AND deleted = 0 ORDER BY message_id
            """;
        messages.Parameters.AddWithValue("$peer", peerId);
        using var media = connection.CreateCommand();
        media.Transaction = snapshot;
        media.CommandText = """
            SELECT mm.message_id, mm.ordinal, mm.kind, mm.sha256, mm.missing_reason, mm.original_name,
                   coalesce(mm.mime, f.mime), coalesce(mm.size, f.size), mm.width, mm.height, mm.duration_seconds,
                   mm.extra_json
            FROM message_media mm LEFT JOIN media f ON f.sha256 = mm.sha256
            WHERE mm.peer_id = $peer ORDER BY mm.message_id, mm.ordinal
            """;
        media.Parameters.AddWithValue("$peer", peerId);

        using var m = messages.ExecuteReader();
        using var f = media.ExecuteReader();
        var hasMedia = f.Read();
        while (m.Read())
        {
            var message = new StoredMessage
            {
                MessageId = m.GetInt64(0),
                Kind = m.GetString(1),
                Date = m.GetInt64(2),
                EditDate = Int64(m, 3),
                SenderId = Int64(m, 4),
                SenderName = Str(m, 5),
                PostAuthor = Str(m, 6),
                ReplyToMessageId = Int64(m, 7),
                ReplyToPeerId = Int64(m, 8),
                ForwardedFromName = Str(m, 9),
                ViaBot = Str(m, 10),
                Text = Str(m, 11),
                EntitiesJson = Str(m, 12),
                ServiceAction = Str(m, 13),
                ActionJson = Str(m, 14),
                ExtraJson = Str(m, 15),
                Raw = m.IsDBNull(16) ? null : (byte[])m.GetValue(16),
                RawFormat = Str(m, 17),
            };
            while (hasMedia && f.GetInt64(0) < message.MessageId)
            {
                hasMedia = f.Read(); // links of deleted messages
            }

            while (hasMedia && f.GetInt64(0) == message.MessageId)
            {
                message.Media.Add(new StoredMedia((int)f.GetInt64(1), f.GetString(2), Str(f, 3), Str(f, 4), Str(f, 5),
                    Str(f, 6), Int64(f, 7), (int?)Int64(f, 8), (int?)Int64(f, 9), (int?)Int64(f, 10), Str(f, 11)));
                hasMedia = f.Read();
            }

            yield return message;
        }
    }

    private static PeerType TypeOf(string value) => value switch
    {
        "user" => PeerType.User,
        "bot" => PeerType.Bot,
        "group" => PeerType.Group,
        "supergroup" => PeerType.Supergroup,
        _ => PeerType.Channel,
    };

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Int64(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
