using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Exchange;
using Spectra.Telegram.Mtproto;
using Spectra.Telegram.Tests.Oracles;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Tests.Exchange;

/// <summary>
/// Our client performs the whole auth-key exchange (RSA_PAD, DH, dh_gen_*) and an encrypted ping against a server
/// built on Telethon's primitives, over every transport; the server reports the key it derived.
/// </summary>
public sealed class HandshakeAgainstTelethonServerTests(TelethonServer server) : IClassFixture<TelethonServer>
{
    public static TheoryData<TransportKind, bool> Transports => new()
    {
        { TransportKind.Intermediate, false },
        { TransportKind.Abridged, false },
        { TransportKind.PaddedIntermediate, false },
        { TransportKind.Intermediate, true },
        { TransportKind.Abridged, true },
    };

    [SkippableTheory]
    [MemberData(nameof(Transports))]
    public async Task Creates_the_same_key_as_the_server_and_pings_over(TransportKind kind, bool obfuscated)
    {
        server.EnsureStarted();
        await using var connection = await Connect(kind, obfuscated);
        var result = await new AuthKeyExchanger(Keys(), 2).ExecuteAsync(connection, CancellationToken.None);
        var serverKey = await server.WaitForEventAsync(e => (string?)e["event"] == "auth_key" && (ulong)e["key_id"]!.GetValue<decimal>() == unchecked((ulong)result.Key.Id), TimeSpan.FromSeconds(10));
        Assert.Equal(serverKey["salt"]!.GetValue<long>(), result.ServerSalt);
        Assert.InRange(result.TimeOffsetSeconds, -5, 5);

        await using var session = new MtprotoSession(connection, result.Key, result.ServerSalt, result.TimeOffsetSeconds);
        session.Start();
        var pong = await session.PingAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        Assert.NotEqual(0, pong.MsgId);
    }

    [SkippableFact]
    public async Task Retries_after_dh_gen_retry_with_the_aux_hash_as_retry_id()
    {
        server.EnsureStarted();
        await using var connection = await Connect(TransportKind.Intermediate, false);
        var result = await new AuthKeyExchanger(Keys(), 3).ExecuteAsync(connection, CancellationToken.None);
        var serverKey = await server.WaitForEventAsync(e => (string?)e["event"] == "auth_key" && (ulong)e["key_id"]!.GetValue<decimal>() == unchecked((ulong)result.Key.Id), TimeSpan.FromSeconds(10));
        Assert.NotEqual(0m, serverKey["retry_id"]!.GetValue<decimal>());
    }

    [SkippableFact]
    public async Task Dh_gen_fail_is_an_exchange_error()
    {
        server.EnsureStarted();
        await using var connection = await Connect(TransportKind.Intermediate, false);
        var error = await Assert.ThrowsAsync<AuthKeyExchangeException>(() => new AuthKeyExchanger(Keys(), 4).ExecuteAsync(connection, CancellationToken.None));
        Assert.Contains("dh_gen_fail", error.Message);
    }

    [SkippableFact]
    public async Task An_untrusted_server_key_stops_the_exchange()
    {
        server.EnsureStarted();
        await using var connection = await Connect(TransportKind.Intermediate, false);
        var error = await Assert.ThrowsAsync<AuthKeyExchangeException>(() => new AuthKeyExchanger(ServerKeyRing.Default, 2).ExecuteAsync(connection, CancellationToken.None));
        Assert.Contains("fingerprints", error.Message);
    }

    private ServerKeyRing Keys() => ServerKeyRing.Default.WithPem(server.PublicKeyPem);

    private Task<TransportConnection> Connect(TransportKind kind, bool obfuscated) =>
        TransportConnection.ConnectAsync(new TransportOptions { Host = "127.0.0.1", Port = server.Port, Kind = kind, Obfuscated = obfuscated }, CancellationToken.None);
}
