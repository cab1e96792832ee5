// Downloads one 4 MiB document (living on another DC than the account) from the simulated cluster with 50 ms added
// to every API answer: ParallelDownloadParts = 1 (baseline, one request at a time) vs N parts in flight. Each mode
// runs on a fresh logged-in client; only the download is timed; bytes are checked by SHA-256.
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Spectra.Telegram.Client;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Simulator.Api;
using Spectra.Telegram.Simulator.Fixtures;
using Spectra.Telegram.Tl.Api;

var latencyMs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var parallel = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
const int Size = 4 << 20;
const int PartSize = 128 * 1024;
const int Runs = 3;

var file = new SimFile { Id = 1, DcId = 4, Size = Size, Seed = 7 };
var fixture = new SimFixture
{
    DcIds = [2, 4],
    Accounts = [new SimAccount { Phone = "+1000", HomeDc = 2, Code = "12345" }],
    Channels = [new SimChannel { Id = 10, Username = "bench", Messages = [new SimMessage { Id = 1, File = file }] }],
};
var expected = SHA256.HashData(file.Content);
await using var cluster = SimulatedCluster.Start(fixture);

async Task<(double Cold, double Warm)> TimeDownloadAsync(int partsInFlight)
{
    var options = new TelegramClientOptions
    {
        ApiId = 1,
        ApiHash = "bench",
        InitialDc = new DcEndpoint(2, "127.0.0.1", cluster.Dcs[2].Port),
        ServerKeys = ServerKeyRing.Default.With(cluster.RsaKey.PublicKey),
        ParallelDownloadParts = partsInFlight,
        DownloadPartSize = PartSize,
    };
    await using var client = new TelegramClient(options);
    await client.ConnectAsync(default);
    await client.LoginAsync("+1000", _ => Task.FromResult("12345"), (_, _) => Task.FromResult(""), default);
    var channel = await client.ResolveChannelAsync("bench", default);
    var message = (Message)(await client.GetMessagesAsync(channel, [1], default))[1];
    var document = (Document)((MessageMediaDocument)message.Media!).Document!;
    async Task<double> OnceAsync()
    {
        using var output = new MemoryStream(Size);
        var watch = Stopwatch.StartNew();
        await client.DownloadDocumentAsync(document, output, null, default);
        watch.Stop();
        if (!SHA256.HashData(output.ToArray()).AsSpan().SequenceEqual(expected))
        {
            throw new InvalidOperationException("The downloaded bytes differ from the fixture's file.");
        }

        return watch.Elapsed.TotalSeconds;
    }

    // Cold: includes FILE_MIGRATE, the key exchange with DC 4 and export/import authorization. Warm: DC 4 is ready.
    var cold = await OnceAsync();
    return (cold, await OnceAsync());
}

fixture.Faults.LatencyMs = latencyMs;
double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var sequential = new List<(double Cold, double Warm)>();
var inFlight = new List<(double Cold, double Warm)>();
for (var run = 0; run < Runs; run++)
{
    sequential.Add(await TimeDownloadAsync(1));
    inFlight.Add(await TimeDownloadAsync(parallel));
}

var one = Median(sequential.Select(r => r.Warm).ToList());
var many = Median(inFlight.Select(r => r.Warm).ToList());
var oneCold = Median(sequential.Select(r => r.Cold).ToList());
var manyCold = Median(inFlight.Select(r => r.Cold).ToList());
Console.WriteLine(FormattableString.Invariant($"4 MiB file on another DC, {PartSize / 1024} KiB parts, {latencyMs} ms added latency per request, median of {Runs} runs"));
Console.WriteLine(FormattableString.Invariant($"  warm (DC ready)    one part at a time: {one:F2} s ({Size / one / 1e6:F1} MB/s) | {parallel} in flight: {many:F2} s ({Size / many / 1e6:F1} MB/s) | {one / many:F1}x"));
Console.WriteLine(FormattableString.Invariant($"  cold (+ migrate, key exchange, import) one at a time: {oneCold:F2} s | {parallel} in flight: {manyCold:F2} s | {oneCold / manyCold:F1}x"));
Console.WriteLine(FormattableString.Invariant($"  speed-up (warm): {one / many:F1}x (goal >= 3x)"));
return one / many >= 3 ? 0 : 2;
