using System.Globalization;
using System.Text.Json;
using Spectra.Telegram.Simulator;

// Usage: Spectra.Telegram.SimulatorHost [--pem-file <path>] [--timeout <seconds>]
// Starts a simulated DC on 127.0.0.1 (free port) with a fresh RSA key, prints one JSON line {"port":..,"publicKeyPem":".."}
// (and writes the PEM to --pem-file), then serves until stdin closes or the timeout (default 600 s) passes, so a
// test that dies cannot leave it running for long.
string? pemFile = null;
var timeout = TimeSpan.FromSeconds(600);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--pem-file" when i + 1 < args.Length:
            pemFile = args[++i];
            break;
        case "--timeout" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
            timeout = TimeSpan.FromSeconds(seconds);
            i++;
            break;
        default:
            await Console.Error.WriteLineAsync("usage: Spectra.Telegram.SimulatorHost [--pem-file <path>] [--timeout <seconds>]").ConfigureAwait(false);
            return 2;
    }
}

await using var dc = new SimulatedDc(ServerRsaKey.Generate());
dc.Start();
if (pemFile is not null)
{
    await File.WriteAllTextAsync(pemFile, dc.RsaKey.PublicPem).ConfigureAwait(false);
}

Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["port"] = dc.Port, ["publicKeyPem"] = dc.RsaKey.PublicPem }));
Console.Out.Flush();

var stdinClosed = Task.Run(() =>
{
    while (Console.In.ReadLine() is not null)
    {
    }
});
await Task.WhenAny(stdinClosed, Task.Delay(timeout)).ConfigureAwait(false);
return 0;
