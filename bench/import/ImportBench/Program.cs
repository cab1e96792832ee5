using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectra.Core.Hosting;
using Spectra.Core.Import;
using Spectra.Core.Storage;

// Usage: ImportBench import <export folder> <database> [batch size]   |   ImportBench stages <export folder>
//        ImportBench floor <archive an import wrote> <scratch database>
var mode = args[0];
var lastCpu = TimeSpan.Zero;
double Cpu()
{
    var now = Process.GetCurrentProcess().TotalProcessorTime;
    var used = now - lastCpu;
    lastCpu = now;
    return used.TotalSeconds;
}

Cpu();
if (mode == "floor")
{
    // The least any importer can take to store what Spectra's import stored, on this machine and SQLite build:
    // the message rows exactly as the archive holds them, written by one SQL statement into a table with no key,
    // index or constraint (no parsing, no per-row call), then the search index built over them in one pass.
    using var scratch = SqliteConnections.OpenReadWrite(Path.GetFullPath(args[2]), TimeSpan.FromSeconds(30), create: true);
    using (var attach = scratch.CreateCommand())
    {
        attach.CommandText = "ATTACH $source AS source";
        attach.Parameters.AddWithValue("$source", Path.GetFullPath(args[1])); // only read
        attach.ExecuteNonQuery();
    }

    double Timed(string sql)
    {
        var watch = Stopwatch.StartNew();
        using var command = scratch.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
        return watch.Elapsed.TotalSeconds;
    }

    var rows = Timed("CREATE TABLE messages AS SELECT * FROM source.messages");
    Timed("""
        CREATE VIRTUAL TABLE messages_fts USING fts5 (text, content = 'messages', content_rowid = 'row_id',
            tokenize = 'unicode61 remove_diacritics 2')
        """);
    var index = Timed("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')");
    Console.WriteLine(FormattableString.Invariant($"floor: rows {rows:F2} s + search index {index:F2} s = {rows + index:F2} s"));
    return 0;
}

var export = args[1];
var clock = Stopwatch.StartNew();
long messages = 0;
if (mode == "stages")
{
    var (file, _) = TdesktopImporter.Locate(export);
    using (var reader = TdesktopExportReader.Open(file))
    {
        while (reader.Read())
        {
            messages += reader.Kind == ExportItemKind.Message ? 1 : 0;
        }
    }

    Console.WriteLine(FormattableString.Invariant($"read only      : {messages} messages in {clock.Elapsed.TotalSeconds:F2} s, CPU {Cpu():F2} s"));
    clock.Restart();
    using (var reader = TdesktopExportReader.Open(file))
    {
        while (reader.Read())
        {
            if (reader.Kind == ExportItemKind.Message)
            {
                var raw = reader.MessageJson.ToArray();
                using var doc = JsonDocument.Parse(raw);
                var message = TdesktopMessageParser.Parse(doc.RootElement, raw, file, reader.MessageLine, reader.MessagePath);
                ExportMessageMapper.Map(message, doc.RootElement, []);
            }
        }
    }

    Console.WriteLine(FormattableString.Invariant($"read+parse+map : {clock.Elapsed.TotalSeconds:F2} s, CPU {Cpu():F2} s"));
    if (args.Length > 2)
    {
        // The same, plus the store's batch writer, timing WriteBatch alone.
        clock.Restart();
        var writing = new Stopwatch();
        using var db = ArchiveDatabase.Open(args[2]);
        using var writer = db.CreateWriter();
        var peer = Spectra.Core.Storage.Model.PeerRecord.FromBare(Spectra.Core.Storage.Model.PeerType.Channel, 1);
        writer.UpsertPeer(peer);
        var batch = new List<Spectra.Core.Storage.Model.ArchivedMessage>();
        using var reader = TdesktopExportReader.Open(file);
        while (reader.Read())
        {
            if (reader.Kind == ExportItemKind.Message)
            {
                var raw = reader.MessageJson.ToArray();
                using var doc = JsonDocument.Parse(raw);
                var message = TdesktopMessageParser.Parse(doc.RootElement, raw, file, reader.MessageLine, reader.MessagePath);
                batch.Add(ExportMessageMapper.Map(message, doc.RootElement, []));
                if (batch.Count == 2000)
                {
                    writing.Start();
                    writer.WriteBatch(peer.PeerId, batch);
                    writing.Stop();
                    batch.Clear();
                }
            }
        }

        Console.WriteLine(FormattableString.Invariant($"with writer    : {clock.Elapsed.TotalSeconds:F2} s, of which WriteBatch {writing.Elapsed.TotalSeconds:F2} s, CPU {Cpu():F2} s"));
    }

    return 0;
}

using (var db = ArchiveDatabase.Open(args[2]))
{
    var batchSize = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000;
    var importer = new TdesktopImporter(db, new NullSink()) { BatchSize = batchSize };
    var chats = await importer.ImportAsync(export, null, CancellationToken.None);
    messages = chats.Sum(c => c.Imported + c.Updated + c.Skipped);
}

var seconds = clock.Elapsed.TotalSeconds;
var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"spectra: {messages} messages in {seconds:F2} s = {messages / seconds:F0} msg/s, peak working set {peakMb:F0} MB"));
return 0;

internal sealed class NullSink : IHostMessageSink
{
    public void Log(HostLogLevel level, string message)
    {
    }

    public void Progress(ProgressInfo progress)
    {
    }
}
