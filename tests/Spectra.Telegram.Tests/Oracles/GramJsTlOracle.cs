using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spectra.Telegram.Tests.Oracles;

/// <summary>
/// One long-lived `node tl-oracle.js` process (GramJS, layer 198) answering JSON requests line by line, shared
/// by a test class through IClassFixture so the node start-up cost is paid once per class, not per case.
/// </summary>
public sealed class GramJsTlOracle : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<string> _stderr = new();
    private Process? _process;

    /// <summary>Sends one request and returns the answer; skips (or fails under SPECTRA_REQUIRE_ORACLES=1) without GramJS.</summary>
    public JsonElement Ask(JsonObject request)
    {
        var dir = Oracle.RequireGramJs();
        lock (_gate)
        {
            _process ??= Start(dir);
            _process.StandardInput.WriteLine(request.ToJsonString());
            _process.StandardInput.Flush();
            var line = _process.StandardOutput.ReadLine()
                ?? throw new InvalidOperationException("tl-oracle.js exited: " + LastErrors());
            var answer = JsonDocument.Parse(line).RootElement.Clone();
            if (answer.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException("GramJS oracle failed: " + error.GetString());
            }

            return answer;
        }
    }

    /// <summary>GramJS's boxed serialization of a SPEC (see tl-oracle.js).</summary>
    public byte[] Serialize(JsonObject spec) =>
        Convert.FromHexString(Ask(new JsonObject { ["op"] = "serialize", ["obj"] = spec }).GetProperty("hex").GetString()!);

    /// <summary>GramJS parses the bytes and serializes what it read.</summary>
    public byte[] ParseAndReserialize(byte[] data) =>
        Convert.FromHexString(Ask(new JsonObject { ["op"] = "parse", ["hex"] = Convert.ToHexString(data) }).GetProperty("hex").GetString()!);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_process is null)
            {
                return;
            }

            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5000))
                {
                    _process.Kill();
                }
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
            _process = null;
        }
    }

    private string LastErrors()
    {
        lock (_stderr)
        {
            return string.Join('\n', _stderr);
        }
    }

    private Process Start(string dir)
    {
        var psi = new ProcessStartInfo("node", "tl-oracle.js")
        {
            WorkingDirectory = dir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start node for the GramJS oracle.");

        // GramJS logs type warnings to stderr; drain it continuously so a full pipe can never stall the oracle.
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                while (_stderr.Count > 20)
                {
                    _stderr.Dequeue();
                }
            }
        };
        process.BeginErrorReadLine();
        return process;
    }
}
