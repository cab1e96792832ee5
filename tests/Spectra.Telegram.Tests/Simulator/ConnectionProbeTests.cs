using System.Net;
using System.Net.Sockets;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Diagnostics;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Simulator;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Tests.Simulator;

/// <summary>The login-free connection probe (engine of a future Test-SpectraConnection) against the simulated DC.</summary>
public sealed class ConnectionProbeTests
{
    [Theory]
    [InlineData(TransportKind.Intermediate, false)]
    [InlineData(TransportKind.Abridged, true)]
    [InlineData(TransportKind.PaddedIntermediate, true)]
    public async Task Reports_transport_round_trip_and_clock_offset(TransportKind kind, bool obfuscated)
    {
        await using var dc = new SimulatedDc(ServerRsaKey.Generate());
        dc.Start();
        var result = await ConnectionProbe.RunAsync(
            new TransportOptions { Host = "127.0.0.1", Port = dc.Port, Kind = kind, Obfuscated = obfuscated },
            ServerKeyRing.Default.With(dc.RsaKey.PublicKey), 2, default);
        Assert.Equal((kind, obfuscated, 2), (result.Transport, result.Obfuscated, result.DcId));
        Assert.True(result.PingRoundTrip > TimeSpan.Zero && result.PingRoundTrip < TimeSpan.FromSeconds(10));
        Assert.InRange(result.ClockOffsetSeconds, -2, 2);
        Assert.Equal(2, dc.Trace.Count(t => t.StartsWith("ping", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Untrusted_server_key_and_refused_connections_are_typed_errors()
    {
        await using var dc = new SimulatedDc(ServerRsaKey.Generate());
        dc.Start();
        var untrusted = await Assert.ThrowsAsync<AuthKeyExchangeException>(() => ConnectionProbe.RunAsync(
            new TransportOptions { Host = "127.0.0.1", Port = dc.Port }, ServerKeyRing.Default, 2, default));
        Assert.True(untrusted.ServerKeyUntrusted);

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await Assert.ThrowsAsync<TransportException>(() => ConnectionProbe.RunAsync(
            new TransportOptions { Host = "127.0.0.1", Port = closedPort }, ServerKeyRing.Default, 2, default));
    }
}
