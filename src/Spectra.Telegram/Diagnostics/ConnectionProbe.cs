using System.Diagnostics;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Exchange;
using Spectra.Telegram.Mtproto;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Diagnostics;

/// <summary>
/// A login-free connectivity check: TCP connect (optionally through a proxy), a fresh auth-key exchange and one
/// encrypted ping. It sends no API call, so it works against servers speaking any layer. Failures surface as the
/// library's typed exceptions (transport, proxy, key exchange, security).
/// </summary>
public static class ConnectionProbe
{
    public static async Task<ConnectionProbeResult> RunAsync(TransportOptions options, ServerKeyRing keys, int dcId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        var watch = Stopwatch.StartNew();
        await using var connection = await TransportConnection.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        var connectTime = watch.Elapsed;

        watch.Restart();
        var exchange = await new AuthKeyExchanger(keys, dcId).ExecuteAsync(connection, cancellationToken).ConfigureAwait(false);
        var exchangeTime = watch.Elapsed;

        await using var session = new MtprotoSession(connection, exchange.Key, exchange.ServerSalt, exchange.TimeOffsetSeconds, new SessionOptions { PingInterval = TimeSpan.Zero });
        session.Start();

        // The first encrypted message may be answered with new_session_created/bad_server_salt and re-sent, so the
        // round trip is taken from a second ping on the settled session.
        await session.PingAsync(cancellationToken).ConfigureAwait(false);
        watch.Restart();
        await session.PingAsync(cancellationToken).ConfigureAwait(false);
        var rtt = watch.Elapsed;
        return new ConnectionProbeResult(options.Host, options.Port, dcId, connection.Kind, options.Obfuscated || options.MtProxy is not null, connectTime, exchangeTime, rtt, session.TimeOffsetSeconds);
    }
}
