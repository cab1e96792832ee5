using System.Diagnostics;
using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Spectra.Bench.Logging;
using Spectra.Core.Logging;

// Logs the same realistic mix of archive events through (a) Spectra's pipeline (secret-value policy + RedactingSink
// with the pattern backstop) and (b) the same Serilog sink without any redaction, and prints events/s and the ratio.
// Usage: LoggingBench [events=200000] [runs=5]
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var workDir = Path.Combine(Path.GetTempPath(), "spectra-logbench-" + Environment.ProcessId);
Directory.CreateDirectory(workDir);

string[] texts =
[
    "Breaking: new release notes at https://t.me/durov/123 #telegram #news — price $12.50, up +5% since 2024-05-01 13:45",
    "Meeting moved to 2024-06-12 at 09:30 UTC, see https://example.org/agenda?id=42&lang=en for the agenda (#ops #planning)",
    "Channel -1001234567890 reached 12345 members; thanks everyone! Colours for the banner: #ff00aa and #00ffcc",
    "Photo album 1/12 from the conference, reply to message 987654 for the full-size versions. Tickets cost €15.",
];

void Drive(ILogger log, int count)
{
    for (var i = 0; i < count; i++)
    {
        switch (i % 4)
        {
            case 0:
                log.Information("Archived {Count} messages from {Channel} up to {MessageId}", i, "durov", 1_000_000 + i);
                break;
            case 1:
                log.Information("Message {MessageId} in {Channel}: {Text}", 1_000_000 + i, "telegram", texts[i % texts.Length]);
                break;
            case 2:
                log.Information("Downloaded {File} ({Bytes} bytes) for message {MessageId}", $"media/main/{i}_photo.jpg", 123_456 + i, 1_000_000 + i);
                break;
            default:
                log.Warning("Flood wait of {Seconds}s on {Method}; retrying at {RetryAt}", 30, "messages.getHistory", DateTimeOffset.UnixEpoch.AddSeconds(i));
                break;
        }
    }
}

double Measure(Func<Logger> create, int count)
{
    using var logger = create();
    var stopwatch = Stopwatch.StartNew();
    Drive(logger, count);
    logger.Dispose();
    return count / stopwatch.Elapsed.TotalSeconds;
}

var formatter = new CompactJsonFormatter();
var cases = new (string Name, Func<int, Logger> Baseline, Func<int, Logger> Spectra)[]
{
    ("file sink (compact JSON)",
        run => new LoggerConfiguration().MinimumLevel.Information()
            .WriteTo.File(formatter, Path.Combine(workDir, $"plain-{run}-.clef"), rollingInterval: RollingInterval.Day, shared: true).CreateLogger(),
        run => SpectraLogging.CreateLogger(new LoggingOptions { Level = LogEventLevel.Information, Directory = Path.Combine(workDir, $"spectra-{run}"), FileSizeLimitBytes = long.MaxValue })),
    ("in-memory sink (format only)",
        _ => new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(new NullSink(formatter)).CreateLogger(),
        _ => new LoggerConfiguration().MinimumLevel.Information().Destructure.With(new SecretDestructuringPolicy())
            .WriteTo.Sink(new RedactingSink(new NullSink(formatter))).CreateLogger()),
};

Console.WriteLine($"events per run: {events:N0}, runs: {runs} (median reported)");
Console.WriteLine("| sink | without redaction (events/s) | with redaction (events/s) | ratio |");
Console.WriteLine("|---|---:|---:|---:|");
var run = 0;
foreach (var (name, baseline, spectra) in cases)
{
    Measure(() => baseline(run++), events / 10);
    Measure(() => spectra(run++), events / 10);
    var plain = new List<double>();
    var redacted = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        plain.Add(Measure(() => baseline(run++), events));
        redacted.Add(Measure(() => spectra(run++), events));
    }

    var p = Median(plain);
    var r = Median(redacted);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {p:N0} | {r:N0} | {r / p:0.00}x |"));
}

try
{
    Directory.Delete(workDir, recursive: true);
}
catch (IOException)
{
}

static double Median(List<double> values)
{
    values.Sort();
    return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
}
