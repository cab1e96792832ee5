using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;

namespace Spectra.Bench.Store;

/// <summary>
/// The least any writer of these messages can cost, so the ingest ratio can be read against what is possible, with
/// the same SQLite build and pragmas and no constraint or index but the search index:
/// <list type="bullet">
/// <item>rows: the baseline's 8 columns into a bare table through SQLite's cheapest per-row path (a prepared
/// statement bound by position through SQLitePCLRaw, no ADO.NET), in transactions of one batch;</item>
/// <item>rows copied by SQL from a staging table, no per-row call at all (not open to a writer fed from memory);</item>
/// <item>the text indexed with the archive's exact FTS5 definition (external content, unicode61
/// remove_diacritics 2, merge width 16) from the staging table, in transactions of one batch (keeping search current)
/// and in one transaction for everything (indexing after a run).</item>
/// </list>
/// On one connection rows and index add up: the archive's writer, which also keeps the (peer, id) key, two more
/// indexes and the constraints, can only be slower than the sum.
/// </summary>
internal static class SearchIndexFloor
{
    public readonly record struct Floor(double RowsPerRowCall, double RowsBySql, double IndexPerBatch, double IndexOnePass);

    /// <returns>Messages per second of wall time for each part.</returns>
    public static Floor Run(string directory, IReadOnlyList<ArchivedMessage> messages, int batchSize) => new(
        MeasurePerRowCalls(Path.Combine(directory, "floor-calls.db"), messages, batchSize),
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
        Execute(connection, """
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

    private static double MeasurePerRowCalls(string path, IReadOnlyList<ArchivedMessage> messages, int batchSize)
    {
        using var connection = SqliteConnections.OpenReadWrite(path, TimeSpan.FromSeconds(30), create: true);
        Execute(connection, """
            CREATE TABLE bare (peer_id INTEGER, message_id INTEGER, date INTEGER, sender_id INTEGER,
                sender_name TEXT, reply_to_message_id INTEGER, views INTEGER, text TEXT)
            """);
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, "INSERT INTO bare VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", out var statement));
        using (statement)
        {
            var clock = Stopwatch.StartNew();
            for (var offset = 0; offset < messages.Count; offset += batchSize)
            {
                Check(db, raw.sqlite3_exec(db, "BEGIN"));
                for (var i = offset; i < Math.Min(offset + batchSize, messages.Count); i++)
                {
                    var m = messages[i];
                    raw.sqlite3_bind_int64(statement, 1, -1000000004242L);
                    raw.sqlite3_bind_int64(statement, 2, m.MessageId);
                    raw.sqlite3_bind_int64(statement, 3, m.Date.ToUnixTimeSeconds());
                    BindNullable(statement, 4, m.SenderId);
                    BindText(statement, 5, m.SenderName);
                    BindNullable(statement, 6, m.ReplyToMessageId);
                    BindNullable(statement, 7, m.Views);
                    BindText(statement, 8, m.Text);
                    if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
                    {
                        throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
                    }

                    raw.sqlite3_reset(statement);
                }

                Check(db, raw.sqlite3_exec(db, "COMMIT"));
            }

            return messages.Count / clock.Elapsed.TotalSeconds;
        }
    }

    private static void BindNullable(sqlite3_stmt statement, int index, long? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int64(statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    private static void BindText(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(statement, index, value);
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
