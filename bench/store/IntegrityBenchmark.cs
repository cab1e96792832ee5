using System.Diagnostics;
using System.Globalization;
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
        Build(path, count);
        MeasureArchive(path);
    }

    /// <summary>Writes a synthetic archive of <paramref name="count"/> messages through the store's writer.</summary>
    private static void Build(string path, int count)
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
    }

    /// <summary>Both sides on an existing archive (e.g. the one bench/import's million-message import wrote).</summary>
    public static void MeasureArchive(string path)
    {
        Console.WriteLine(FormattableString.Invariant($"integrity: {path}, {new FileInfo(path).Length / 1048576.0:N0} MiB"));

        var sqlite3 = FindSqlite3();
        if (sqlite3 is null)
        {
            Console.WriteLine("  sqlite3 not found on PATH (apt-get install -y sqlite3): baseline skipped");
        }

        _ = sqlite3 is null ? default : Shell(sqlite3, path); // warm the page cache
        var baseline = sqlite3 is null ? (Measure?)null : Min(() => Shell(sqlite3, path));
        var quick = Min(() => Ours(path, deep: false, report: false));
        var deep = Min(() => Ours(path, deep: true, report: false));
        Ours(path, deep: true, report: true);
        Console.WriteLine(FormattableString.Invariant($"  ours Test-SpectraDatabase -Deep:  {deep.Wall.TotalSeconds,7:N2} s wall, {deep.Cpu.TotalSeconds,6:N2} s CPU"));
        Console.WriteLine(FormattableString.Invariant($"  ours Test-SpectraDatabase:        {quick.Wall.TotalSeconds,7:N2} s wall, {quick.Cpu.TotalSeconds,6:N2} s CPU"));
        if (baseline is { } b)
        {
            Console.WriteLine(FormattableString.Invariant($"  sqlite3 PRAGMA integrity_check:   {b.Wall.TotalSeconds,7:N2} s wall, {b.Cpu.TotalSeconds,6:N2} s CPU"));
            Console.WriteLine(FormattableString.Invariant($"  ratio -Deep/sqlite3: {deep.Wall / b.Wall:F2}x wall, {deep.Cpu / b.Cpu:F2}x CPU (goal <= 1.5x); default/sqlite3: {quick.Wall / b.Wall:F2}x wall, {quick.Cpu / b.Cpu:F2}x CPU"));
        }
    }

    /// <summary>Wall time, and CPU time of whoever did the work (this process's threads, or the sqlite3 child).</summary>
    private readonly record struct Measure(TimeSpan Wall, TimeSpan Cpu);

    private static Measure Ours(string path, bool deep, bool report)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
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

        return new Measure(clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    /// <summary>Runs sqlite3 under bash so that bash's <c>times</c> reports the child's CPU time after it exits.</summary>
    private static Measure Shell(string sqlite3, string path)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", "\"$0\" \"$1\" 'PRAGMA integrity_check'; times", sqlite3, path])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEnd().Trim().Split('\n');
        process.WaitForExit();
        clock.Stop();
        // Output: "ok", then bash's own user/sys times, then its children's ("0m1.234s 0m0.056s").
        if (output.Length != 3 || output[0] != "ok")
        {
            throw new InvalidOperationException("sqlite3 integrity_check: " + string.Join(" / ", output));
        }

        var children = output[2].Split(' ').Select(ParseTimes).Aggregate(TimeSpan.Zero, (x, y) => x + y);
        return new Measure(clock.Elapsed, children);
    }

    private static TimeSpan ParseTimes(string value)
    {
        var m = value.IndexOf('m', StringComparison.Ordinal);
        return TimeSpan.FromMinutes(int.Parse(value[..m], CultureInfo.InvariantCulture))
            + TimeSpan.FromSeconds(double.Parse(value[(m + 1)..].TrimEnd('s'), CultureInfo.InvariantCulture));
    }

    /// <summary>The faster of two runs, wall and CPU each taken at its minimum.</summary>
    private static Measure Min(Func<Measure> run)
    {
        var first = run();
        var second = run();
        return new Measure(first.Wall < second.Wall ? first.Wall : second.Wall, first.Cpu < second.Cpu ? first.Cpu : second.Cpu);
    }

    private static string? FindSqlite3() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "sqlite3")).FirstOrDefault(File.Exists);
}
