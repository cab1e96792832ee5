using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Spectra.Telegram.Tests.Oracles;

/// <summary>
/// tests/oracles/telethon/mtproto_server.py: a loopback MTProto server built on Telethon's primitives, started once
/// per test class with an RSA key generated here (pure-Python generation is slow). Its events are collected.
/// </summary>
public sealed class TelethonServer : IDisposable
{
    private readonly object _gate = new();
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private Process? _process;

    public int Port { get; private set; }

    public string PublicKeyPem { get; private set; } = string.Empty;

    public IReadOnlyCollection<JsonObject> Events => _events.ToArray();

    /// <summary>Starts the server if needed (skips or fails when Telethon is missing).</summary>
    public void EnsureStarted()
    {
        Oracle.RequireTelethon();
        lock (_gate)
        {
            if (_process is not null)
            {
                return;
            }

            using var rsa = RSA.Create(2048);
            var info = new ProcessStartInfo(Oracle.PythonPath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(Path.Combine(Oracle.OraclesDirectory, "telethon", "mtproto_server.py"));
            info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
            info.Environment["SPECTRA_TEST_RSA_PEM"] = rsa.ExportRSAPrivateKeyPem();
            _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the Telethon server.");
            var first = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("Telethon server exited: " + _process.StandardError.ReadToEnd());
            var hello = JsonNode.Parse(first)!.AsObject();
            Port = hello["port"]!.GetValue<int>();
            PublicKeyPem = hello["pem"]!.GetValue<string>();
            var process = _process;
            var reader = new Thread(() =>
            {
                while (process.StandardOutput.ReadLine() is { } line)
                {
                    if (line.Length > 0)
                    {
                        _events.Enqueue(JsonNode.Parse(line)!.AsObject());
                    }
                }
            })
            { IsBackground = true, Name = "telethon-server-events" };
            reader.Start();
        }
    }

    /// <summary>Waits until an event matching <paramref name="match"/> shows up (the server logs asynchronously).</summary>
    public async Task<JsonObject> WaitForEventAsync(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            var found = _events.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Expected server event not seen. Events: " + string.Join(" | ", _events.Select(e => e.ToJsonString())));
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
    }
}
