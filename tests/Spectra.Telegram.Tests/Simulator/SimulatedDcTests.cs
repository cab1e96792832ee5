using System.Diagnostics;
using System.Text.Json.Nodes;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Exchange;
using Spectra.Telegram.Mtproto;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Simulator;
using Spectra.Telegram.Tests.Oracles;
using Spectra.Telegram.Tl.Api;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Tests.Simulator;

/// <summary>
/// The simulated DC's server side checked by an independent client: Telethon's MTProtoSender performs the auth-key
/// exchange (legacy padding) and encrypted pings against it over three transports. Our own client is run too.
/// </summary>
public sealed class SimulatedDcTests
{
    [SkippableTheory]
    [InlineData("intermediate")]
    [InlineData("abridged")]
    [InlineData("obfuscated")]
    public async Task Telethons_client_creates_a_key_and_pings(string transport)
    {
        Oracle.RequireTelethon();
        await using var dc = new SimulatedDc(ServerRsaKey.Generate());
        dc.Start();
        var info = new ProcessStartInfo(Oracle.PythonPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(Oracle.OraclesDirectory, "telethon", "telethon_client_ping.py"));
        info.ArgumentList.Add("127.0.0.1");
        info.ArgumentList.Add(dc.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(transport);
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var python = Process.Start(info)!;
        await python.StandardInput.WriteAsync(dc.RsaKey.PublicPem);
        python.StandardInput.Close();
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        Assert.True(python.WaitForExit(60_000), "Telethon client hung");
        Assert.True(python.ExitCode == 0, await stderr + " | trace: " + string.Join(" / ", dc.Trace));

        var result = JsonNode.Parse(await stdout)!.AsObject();
        Assert.Equal([1000L, 1001L, 1002L], result["ping_ids"]!.AsArray().Select(n => n!.GetValue<long>()));
        var keyId = unchecked((long)(ulong)result["key_id"]!.GetValue<decimal>());
        Assert.Contains(keyId, dc.AuthKeyIds);
        Assert.Contains(dc.Trace, t => t.Contains("legacy padding", StringComparison.Ordinal));
        Assert.Contains("bad_server_salt", dc.Trace);   // Telethon starts with salt 0
    }

    [Fact]
    public async Task Our_client_creates_a_key_with_rsa_pad_and_unsupported_calls_get_an_rpc_error()
    {
        await using var dc = new SimulatedDc(ServerRsaKey.Generate());
        dc.Start();
        await using var connection = await TransportConnection.ConnectAsync(new TransportOptions { Host = "127.0.0.1", Port = dc.Port, Obfuscated = true }, default);
        var result = await new AuthKeyExchanger(ServerKeyRing.Default.With(dc.RsaKey.PublicKey), 2).ExecuteAsync(connection, default);
        Assert.Contains(result.Key.Id, dc.AuthKeyIds);
        Assert.Contains(dc.Trace, t => t.Contains("RSA_PAD", StringComparison.Ordinal));
        await using var session = new MtprotoSession(connection, result.Key, result.ServerSalt, result.TimeOffsetSeconds);
        session.Start();
        await session.PingAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        var error = await Assert.ThrowsAsync<RpcException>(() => session.InvokeAsync(new Help_GetNearestDcRequest(), default));
        Assert.Equal("SIMULATOR_METHOD_UNSUPPORTED", error.ErrorMessage);
    }
}
