using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;

namespace Spectra.Bench.Store;

/// <summary>
/// The least any writer of these messages can cost, so the ingest ratio can be read against what is possible, with
/// the same SQLite build and pragmas and no constraint or index but the search index:
/// <list type="bullet">
/// <item>rows: the baseline's 8 columns into a bare table through the writer's own per-row path (a prepared
/// statement bound by position through SQLitePCLRaw, no ADO.NET), in transactions of one batch;</item>
/// <item>the same, keyed by (peer, message id) and with the (peer, date) index the archive keeps for date ranges,
/// the key in its cheapest form: packed into the rowid, so the table itself is the key and no second index is
/// kept;</item>
/// <item>rows copied by SQL from a staging table, no per-row call at all (not open to a writer fed from memory);</item>
/// <item>the text indexed with the archive's exact FTS5 definition (external content, unicode61
/// remove_diacritics 2, merge width 16) from the staging table, in transactions of one batch (keeping search current)
/// and in one transaction for everything (indexing after a run).</item>
/// </list>
/// On one connection rows and index add up: the archive's writer, which also keeps the (peer, id) key, the
/// (peer, date) index and the constraints, can only be slower than the sum.
/// </summary>
internal static class SearchIndexFloor
{
    public readonly record struct Floor(
        double RowsPerRowCall, double RowsKeyedPerRowCall, double RowsBySql, double IndexPerBatch, double IndexOnePass);

    /// <returns>Messages per second of wall time for each part.</returns>
    public static Floor Run(string directory, IReadOnlyList<ArchivedMessage> messages, int batchSize) => new(
        MeasurePerRowCalls(Path.Combine(directory, "floor-calls.db"), messages, batchSize, keyed: false),
        MeasurePerRowCalls(Path.Combine(directory, "floor-calls-keyed.db"), messages, batchSize, keyed: true),
        Measure(Path.Combine(directory, "floor-rows.db"), messages, batchSize, """
            INSERT INTO bare SELECT -1000000004242, message_id, date, sender_id, sender_name, reply_to_message_id, views, text
            FROM staging WHERE row_id BETWEEN $low AND $high
            """),
        Measure(Path.Combine(directory, "floor-index.db"), messages, batchSize, IndexSql),
        Measure(Path.Combine(directory, "floor-index-once.db"), messages, messages.Count, IndexSql));

    private const string IndexSql =
        "INSERT INTO messages_fts (rowid, text) SELECT row_id, text FROM staging WHERE row_id BETWEEN $low AND $high AND text IS NOT NULL";

    private static double Measure(string path, IReadOnlyList<ArchivedMessage> messages, int batchSize, string timedSql)
    {
        using var connection = SqliteConnections.OpenReadWrite(path, TimeSpan.FromSeconds(30), create: true);
        SqliteConnections.Execute(connection, """
            CREATE TABLE staging (row_id INTEGER PRIMARY KEY, message_id INTEGER, date INTEGER, sender_id INTEGER,
                sender_name TEXT, reply_to_message_id INTEGER, views INTEGER, text TEXT);
            CREATE TABLE bare (peer_id INTEGER, message_id INTEGER, date INTEGER, sender_id INTEGER,
                sender_name TEXT, reply_to_message_id INTEGER, views INTEGER, text TEXT);
            CREATE VIRTUAL TABLE messages_fts USING fts5 (text, content = 'staging', content_rowid = 'row_id',
                tokenize = 'unicode61 remove_diacritics 2');
            INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 16);
            """);
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO staging VALUES ($id, $id, $date, $sender, $name, $reply, $views, $text)";
            var p = new[] { "$id", "$date", "$sender", "$name", "$reply", "$views", "$text" }
                .Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            foreach (var m in messages)
            {
                p[0].Value = m.MessageId;
                p[1].Value = m.Date.ToUnixTimeSeconds();
                p[2].Value = (object?)m.SenderId ?? DBNull.Value;
                p[3].Value = (object?)m.SenderName ?? DBNull.Value;
                p[4].Value = (object?)m.ReplyToMessageId ?? DBNull.Value;
                p[5].Value = (object?)m.Views ?? DBNull.Value;
                p[6].Value = (object?)m.Text ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        using var index = connection.CreateCommand();
        index.CommandText = timedSql;
        var low = index.Parameters.Add(new SqliteParameter { ParameterName = "$low" });
        var high = index.Parameters.Add(new SqliteParameter { ParameterName = "$high" });
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < messages.Count; offset += batchSize)
        {
            using var transaction = connection.BeginTransaction();
            index.Transaction = transaction;
            low.Value = messages[offset].MessageId;
            high.Value = messages[Math.Min(offset + batchSize, messages.Count) - 1].MessageId;
            index.ExecuteNonQuery();
            transaction.Commit();
        }

        return messages.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The rows through the writer's own per-row path (<see cref="RawStatement"/>), without its schema; with
    /// <paramref name="keyed"/>, keyed by (peer, message id) packed into the rowid and with the (peer, date) index,
    /// and nothing else (no constraint, no other column).
    /// </summary>
    private static double MeasurePerRowCalls(string path, IReadOnlyList<ArchivedMessage> messages, int batchSize, bool keyed)
    {
        using var connection = SqliteConnections.OpenReadWrite(path, TimeSpan.FromSeconds(30), create: true);
        SqliteConnections.Execute(connection, """
            CREATE TABLE bare (peer_id INTEGER, message_id INTEGER, date INTEGER, sender_id INTEGER,
                sender_name TEXT, reply_to_message_id INTEGER, views INTEGER, text TEXT)
            """);
        if (keyed)
        {
            SqliteConnections.Execute(connection, """
                DROP TABLE bare;
                CREATE TABLE bare (peer_message INTEGER PRIMARY KEY, peer_id INTEGER, message_id INTEGER, date INTEGER,
                    sender_id INTEGER, sender_name TEXT, reply_to_message_id INTEGER, views INTEGER, text TEXT);
                CREATE INDEX bare_date ON bare (peer_id, date);
                """);
        }

        using var insert = new RawStatement(connection, keyed
            ? "INSERT INTO bare VALUES ((1 << 32) | ?2, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            : "INSERT INTO bare VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < messages.Count; offset += batchSize)
        {
            using var transaction = connection.BeginTransaction();
            for (var i = offset; i < Math.Min(offset + batchSize, messages.Count); i++)
            {
                var m = messages[i];
                insert.Bind(1, -1000000004242L);
                insert.Bind(2, m.MessageId);
                insert.Bind(3, m.Date.ToUnixTimeSeconds());
                insert.Bind(4, m.SenderId);
                insert.Bind(5, m.SenderName);
                insert.Bind(6, m.ReplyToMessageId);
                insert.Bind(7, m.Views);
                insert.Bind(8, m.Text);
                insert.Step();
                insert.Reset();
            }

            transaction.Commit();
        }

        return messages.Count / clock.Elapsed.TotalSeconds;
    }
}
