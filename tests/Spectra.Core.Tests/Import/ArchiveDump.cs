using Microsoft.Data.Sqlite;

namespace Spectra.Core.Tests.Import;

/// <summary>Every stored column of messages and media links (minus archive timestamps), one line per row, for comparing archives.</summary>
internal static class ArchiveDump
{
    public static List<string> Messages(SqliteConnection connection) => Rows(connection, """
        SELECT peer_id, message_id, kind, date, edit_date, sender_id, sender_name, post_author, reply_to_message_id,
               reply_to_peer_id, fwd_from_name, via_bot, text, entities_json, service_action, action_json, extra_json,
               hex(raw), raw_format, deleted, version
        FROM messages ORDER BY peer_id, message_id
        """);

    public static List<string> Media(SqliteConnection connection) => Rows(connection, """
        SELECT peer_id, message_id, ordinal, kind, sha256, missing_reason, original_name, mime, size, width, height,
               duration_seconds, extra_json
        FROM message_media ORDER BY peer_id, message_id, ordinal
        """);

    public static List<string> Peers(SqliteConnection connection) => Rows(connection,
        "SELECT peer_id, type, telegram_id, title, export_type FROM peers ORDER BY peer_id");

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? Text(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    public static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(string.Join(" | ", values));
        }

        return rows;
    }
}
