using System.Diagnostics;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Integrity;
using Spectra.Core.Storage.Model;

namespace Spectra.Bench.Store;

/// <summary>
/// Test-SpectraDatabase's engine with -Deep (and without) on a large archive vs the sqlite3 command-line shell
/// running PRAGMA integrity_check on the same file. Each side runs twice after a warm-up; the faster run counts.
/// </summary>
internal static class IntegrityBenchmark
{
    public static void Run(string path, int count)
    {
        var build = Stopwatch.StartNew();
        using (var db = ArchiveDatabase.Open(path))
        using (var writer = db.CreateWriter())
        {
            var peer = PeerRecord.FromBare(PeerType.Channel, 4242) with { Title = "Bench" };
            writer.UpsertPeer(peer);
            const int chunk = 100_000;
            for (var start = 0; start < count; start += chunk)
            {
                var messages = SyntheticMessages.Create(Math.Min(chunk, count - start), seed: start + 1)
                    .Select(m => m with { MessageId = m.MessageId + start }).ToList();
                for (var offset = 0; offset < messages.Count; offset += IngestBenchmark.BatchSize)
                {
                    writer.WriteBatch(peer.PeerId, messages.GetRange(offset, Math.Min(IngestBenchmark.BatchSize, messages.Count - offset)));
                }
            }
        }

        build.Stop();
        var size = new FileInfo(path).Length;
        Console.WriteLine(FormattableString.Invariant($"integrity: archive of {count:N0} messages, {size / 1048576.0:N0} MiB, built in {build.Elapsed.TotalSeconds:N1} s ({count / build.Elapsed.TotalSeconds:N0} msg/s)"));

        var sqlite3 = FindSqlite3();
        if (sqlite3 is null)
        {
            Console.WriteLine("  sqlite3 not found on PATH (apt-get install -y sqlite3): baseline skipped");
        }

        _ = sqlite3 is null ? TimeSpan.Zero : Shell(sqlite3, path); // warm the page cache
        var baseline = sqlite3 is null ? (TimeSpan?)null : Min(() => Shell(sqlite3, path));
        var quick = Min(() => Ours(path, deep: false, report: false));
        var deep = Min(() => Ours(path, deep: true, report: false));
        Ours(path, deep: true, report: true);
        Console.WriteLine(FormattableString.Invariant($"  ours Test-SpectraDatabase -Deep:  {deep.TotalSeconds,7:N2} s"));
        Console.WriteLine(FormattableString.Invariant($"  ours Test-SpectraDatabase:        {quick.TotalSeconds,7:N2} s"));
        if (baseline is { } b)
        {
            Console.WriteLine(FormattableString.Invariant($"  sqlite3 PRAGMA integrity_check:   {b.TotalSeconds,7:N2} s"));
            Console.WriteLine(FormattableString.Invariant($"  ratio -Deep/sqlite3: {deep / b:F2}x (goal <= 1.5x); default/sqlite3: {quick / b:F2}x"));
        }
    }

    private static TimeSpan Ours(string path, bool deep, bool report)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        foreach (var result in new IntegrityChecker(path, new IntegrityCheckOptions { Deep = deep }).Run())
        {
            if (result.Status == CheckStatus.Fail)
            {
                throw new InvalidOperationException($"{result.Check} failed on the benchmark archive: {result.Message}");
            }

            if (report)
            {
                Console.WriteLine(FormattableString.Invariant($"    {result.Check,-20} {(clock.Elapsed - last).TotalSeconds,6:N2} s  {result.Status}"));
                last = clock.Elapsed;
            }
        }

        return clock.Elapsed;
    }

    private static TimeSpan Shell(string sqlite3, string path)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(sqlite3, [path, "PRAGMA integrity_check"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        clock.Stop();
        if (output != "ok")
        {
            throw new InvalidOperationException("sqlite3 integrity_check: " + output);
        }

        return clock.Elapsed;
    }

    private static TimeSpan Min(Func<TimeSpan> run)
    {
        var first = run();
        var second = run();
        return first < second ? first : second;
    }

    private static string? FindSqlite3() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "sqlite3")).FirstOrDefault(File.Exists);
}
