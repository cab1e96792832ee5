using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Model;

namespace Spectra.Bench.Store;

/// <summary>
/// Messages per second written by ArchiveWriter.WriteBatch (upsert, FTS5 triggers, indexes, sync state per batch)
/// vs a bare prepared INSERT of the same rows into one table with no index, both in 2,000-row transactions with the
/// same pragmas (WAL, synchronous=NORMAL).
/// </summary>
internal static class IngestBenchmark
{
    public static int BatchSize { get; set; } = 2000;

    public static (double Ours, double Baseline) Run(string directory, List<ArchivedMessage> messages)
    {
        var baseline = Baseline(Path.Combine(directory, "baseline.db"), messages);
        var ours = Ours(Path.Combine(directory, "ours.db"), messages);
        return (ours, baseline);
    }

    public static double Ours(string path, IReadOnlyList<ArchivedMessage> messages)
    {
        using var db = ArchiveDatabase.Open(path);
        using var writer = db.CreateWriter();
        var peer = PeerRecord.FromBare(PeerType.Channel, 4242) with { Title = "Bench" };
        writer.UpsertPeer(peer);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < messages.Count; offset += BatchSize)
        {
            var batch = Slice(messages, offset);
            var result = writer.WriteBatch(peer.PeerId, batch, new SyncStateUpdate(SyncStatus.Running));
            if (result.Inserted != batch.Count)
            {
                throw new InvalidOperationException("The writer did not insert the whole batch.");
            }
        }

        clock.Stop();
        ReportCpu("ours", messages.Count, cpu);
        return messages.Count / clock.Elapsed.TotalSeconds;
    }

    public static double Baseline(string path, IReadOnlyList<ArchivedMessage> messages)
    {
        using var connection = SqliteConnections.OpenReadWrite(path, TimeSpan.FromSeconds(30), create: true);
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE messages (peer_id INTEGER, message_id INTEGER, date INTEGER, sender_id INTEGER,
                    sender_name TEXT, reply_to_message_id INTEGER, views INTEGER, text TEXT)
                """;
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO messages VALUES ($p, $m, $d, $s, $n, $r, $v, $t)";
        var parameters = new[] { "$p", "$m", "$d", "$s", "$n", "$r", "$v", "$t" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < messages.Count; offset += BatchSize)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            foreach (var m in Slice(messages, offset))
            {
                parameters[0].Value = -1000000004242L;
                parameters[1].Value = m.MessageId;
                parameters[2].Value = m.Date.ToUnixTimeSeconds();
                parameters[3].Value = (object?)m.SenderId ?? DBNull.Value;
                parameters[4].Value = (object?)m.SenderName ?? DBNull.Value;
                parameters[5].Value = (object?)m.ReplyToMessageId ?? DBNull.Value;
                parameters[6].Value = (object?)m.Views ?? DBNull.Value;
                parameters[7].Value = (object?)m.Text ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        clock.Stop();
        ReportCpu("baseline", messages.Count, cpu);
        return messages.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>CPU time tells how much of the wall time was this process working (the build machines are shared).</summary>
    private static void ReportCpu(string side, int count, TimeSpan before)
    {
        var used = Process.GetCurrentProcess().TotalProcessorTime - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({side}: {used.TotalSeconds:N2} s CPU = {count / used.TotalSeconds:N0} msg per CPU-second)"));
    }

    private static List<ArchivedMessage> Slice(IReadOnlyList<ArchivedMessage> messages, int offset)
    {
        var count = Math.Min(BatchSize, messages.Count - offset);
        var batch = new List<ArchivedMessage>(count);
        for (var i = offset; i < offset + count; i++)
        {
            batch.Add(messages[i]);
        }

        return batch;
    }
}
