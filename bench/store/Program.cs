using System.Globalization;
using Spectra.Bench.Store;

// Usage: dotnet run -c Release --project bench/store [-- ingest|integrity|all] [messages] [integrity-messages] [batch-size]
//    or: ... -- integrity-archive <existing archive.db>
var mode = args.Length > 0 ? args[0] : "all";
if (mode == "integrity-archive" && (args.Length < 2 || !File.Exists(args[1])))
{
    Console.Error.WriteLine("integrity-archive needs an existing archive: integrity-archive <archive.db>");
    Environment.Exit(2);
}

var count = args.Length > 1 && mode != "integrity-archive" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
var integrityCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300_000;
IngestBenchmark.BatchSize = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2000;
var directory = Path.Combine(Path.GetTempPath(), "spectra-bench-store-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
try
{
    if (mode is "ingest" or "all")
    {
        var messages = SyntheticMessages.Create(count);
        // One untimed warm-up so JIT and page cache do not favour whichever runs second.
        var warmup = Directory.CreateDirectory(Path.Combine(directory, "warmup")).FullName;
        IngestBenchmark.Run(warmup, SyntheticMessages.Create(20_000, seed: 1));
        var (ours, baseline) = IngestBenchmark.Run(directory, messages);
        Console.WriteLine(FormattableString.Invariant($"ingest: {count:N0} messages, batches of {IngestBenchmark.BatchSize}"));
        Console.WriteLine(FormattableString.Invariant($"  ours (ArchiveWriter.WriteBatch, FTS5 + indexes): {ours,12:N0} msg/s"));
        Console.WriteLine(FormattableString.Invariant($"  baseline (bare prepared INSERT, one table):      {baseline,12:N0} msg/s"));
        Console.WriteLine(FormattableString.Invariant($"  ratio ours/baseline: {ours / baseline:F2}x (goal >= 0.50x and >= 50,000 msg/s)"));

        // The least any writer can cost: the rows and the search index in SQL alone, same SQLite, same texts.
        var floor = SearchIndexFloor.Run(directory, messages, IngestBenchmark.BatchSize);
        double Ceiling(double rows, double index) => 1 / (1 / rows + 1 / index) / baseline;
        Console.WriteLine(FormattableString.Invariant($"  floor, rows by positional binds (SQLitePCLRaw):   {floor.RowsPerRowCall,12:N0} msg/s"));
        Console.WriteLine(FormattableString.Invariant($"  floor, the same keyed (peer, id as rowid) + (peer, date) index: {floor.RowsKeyedPerRowCall,6:N0} msg/s"));
        Console.WriteLine(FormattableString.Invariant($"  floor, rows copied in SQL (no per-row call):      {floor.RowsBySql,12:N0} msg/s"));
        Console.WriteLine(FormattableString.Invariant($"  floor, FTS5 indexing, a transaction per batch:   {floor.IndexPerBatch,12:N0} msg/s"));
        Console.WriteLine(FormattableString.Invariant($"  floor, FTS5 indexing, one transaction for all:   {floor.IndexOnePass,12:N0} msg/s"));
        Console.WriteLine(FormattableString.Invariant($"  ceiling for a writer fed from memory (rows by positional binds + FTS5, one connection): {Ceiling(floor.RowsPerRowCall, floor.IndexPerBatch):F2}x of the baseline indexing each batch, {Ceiling(floor.RowsPerRowCall, floor.IndexOnePass):F2}x indexing after the run"));
        Console.WriteLine(FormattableString.Invariant($"  ceiling for the same with the key and the date index: {Ceiling(floor.RowsKeyedPerRowCall, floor.IndexPerBatch):F2}x indexing each batch, {Ceiling(floor.RowsKeyedPerRowCall, floor.IndexOnePass):F2}x indexing after the run"));
    }

    if (mode == "integrity-archive")
    {
        // An archive made elsewhere (bench/import's million-message import): measured as it is, never modified.
        IntegrityBenchmark.MeasureArchive(Path.GetFullPath(args[1]));
    }

    if (mode is "integrity" or "all")
    {
        IntegrityBenchmark.Run(Path.Combine(directory, "integrity.db"), integrityCount);
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}
