using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spectra.Telegram.Tests.Oracles;

/// <summary>
/// One long-lived /usr/bin/python3 running tests/oracles/telethon/mtproto_oracle.py, shared by a test class
/// (xunit class fixture): requests and answers are JSON lines, so a whole class costs one interpreter start.
/// </summary>
public sealed class TelethonProcess : IDisposable
{
    private readonly object _gate = new();
    private Process? _process;

    /// <summary>Sends one request; an "error" answer fails the test with Telethon's message.</summary>
    public JsonObject Call(string op, object args)
    {
        Oracle.RequireTelethon();
        var request = JsonSerializer.SerializeToNode(args)!.AsObject();
        request["op"] = op;
        lock (_gate)
        {
            var process = _process ??= Start();
            process.StandardInput.WriteLine(request.ToJsonString());
            process.StandardInput.Flush();
            var line = process.StandardOutput.ReadLine()
                ?? throw new InvalidOperationException("Telethon oracle exited: " + process.StandardError.ReadToEnd());
            var answer = JsonNode.Parse(line)!.AsObject();
            if (answer["error"] is { } error)
            {
                throw new OracleException(error.GetValue<string>());
            }

            return answer;
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }

        _process?.Dispose();
    }

    private static Process Start()
    {
        var script = Path.Combine(Oracle.OraclesDirectory, "telethon", "mtproto_oracle.py");
        var info = new ProcessStartInfo(Oracle.PythonPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-u");
        info.ArgumentList.Add(script);
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start " + Oracle.PythonPath);
    }
}
