using Spectra.Telegram.Crypto;
using Spectra.Telegram.Exchange;
using Spectra.Telegram.Mtproto;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Tests.Oracles;
using Spectra.Telegram.Tl.Api;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Tests.Mtproto;

/// <summary>
/// The encrypted session against the Telethon-based server: typed calls, many requests in flight at once, typed
/// rpc errors, gzip and container answers, bad_server_salt and clock-skew recovery, acks and keep-alive pings.
/// </summary>
public sealed class SessionAgainstTelethonServerTests(TelethonServer server) : IClassFixture<TelethonServer>
{
    private static readonly CancellationToken s_timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [SkippableFact]
    public async Task Typed_calls_and_fifty_concurrent_requests_are_each_answered()
    {
        await using var client = await OpenAsync();
        var nearest = Assert.IsType<NearestDc>(await client.Session.InvokeAsync(new Help_GetNearestDcRequest(), s_timeout));
        Assert.Equal("XX", nearest.Country);

        var calls = Enumerable.Range(0, 50).Select(i => i % 2 == 0
            ? client.Session.InvokeAsync(new Help_GetNearestDcRequest(), s_timeout).ContinueWith(t => (object)t.Result, TaskScheduler.Default)
            : client.Session.InvokeRawAsync(Countries("plain"), s_timeout).ContinueWith(t => (object)t.Result, TaskScheduler.Default));
        var results = await Task.WhenAll(calls);
        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal("XX", Assert.IsType<NearestDc>(r).Country));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal(0x93cc1f32U, BitConverter.ToUInt32((byte[])r)));
        Assert.Equal(0, client.Session.PendingCount);
    }

    [SkippableFact]
    public async Task Rpc_errors_surface_as_typed_exceptions_without_sleeping_on_long_waits()
    {
        await using var client = await OpenAsync();
        var flood = await Assert.ThrowsAsync<FloodWaitException>(() => client.Session.InvokeRawAsync(Countries("ERR:420:FLOOD_WAIT_120"), s_timeout));
        Assert.Equal(120, flood.Seconds);
        var premium = await Assert.ThrowsAsync<FloodWaitException>(() => client.Session.InvokeRawAsync(Countries("ERR:420:FLOOD_PREMIUM_WAIT_30"), s_timeout));
        Assert.True(premium.IsPremiumWait);
        var migrate = await Assert.ThrowsAsync<MigrateException>(() => client.Session.InvokeRawAsync(Countries("ERR:303:FILE_MIGRATE_4"), s_timeout));
        Assert.Equal((4, "FILE", false), (migrate.DcId, migrate.Kind, migrate.MovesHomeDc));
        await Assert.ThrowsAsync<SessionPasswordNeededException>(() => client.Session.InvokeRawAsync(Countries("ERR:401:SESSION_PASSWORD_NEEDED"), s_timeout));
        var other = await Assert.ThrowsAsync<RpcException>(() => client.Session.InvokeRawAsync(Countries("ERR:400:USERNAME_INVALID"), s_timeout));
        Assert.Equal((400, "USERNAME_INVALID"), (other.Code, other.ErrorMessage));
    }

    [SkippableFact]
    public async Task Short_flood_waits_are_slept_through_up_to_the_threshold()
    {
        // The sleeps are counted where they are asked for, not timed: a wall clock can read a 1 s timer as 999 ms.
        var time = new SleepRecordingTimeProvider();
        await using var client = await OpenAsync(new SessionOptions { FloodSleepThreshold = TimeSpan.FromSeconds(1) }, time: time);
        var flood = await Assert.ThrowsAsync<FloodWaitException>(() => client.Session.InvokeRawAsync(Countries("ERR:420:FLOOD_WAIT_1"), s_timeout));
        Assert.Equal(1, flood.Seconds);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], time.Sleeps);
    }

    [SkippableFact]
    public async Task Gzip_and_container_answers_are_unpacked()
    {
        await using var client = await OpenAsync();
        Assert.Equal(0x93cc1f32U, BitConverter.ToUInt32(await client.Session.InvokeRawAsync(Countries("GZIP"), s_timeout)));
        Assert.Equal(0x93cc1f32U, BitConverter.ToUInt32(await client.Session.InvokeRawAsync(Countries("PAIR"), s_timeout)));
    }

    [SkippableFact]
    public async Task Recovers_from_an_hour_of_clock_skew_via_bad_msg_notification()
    {
        await using var client = await OpenAsync(timeOffsetOverride: -3600);
        Assert.Equal(-3600, client.Session.TimeOffsetSeconds);
        await client.Session.PingAsync(s_timeout);
        Assert.InRange(client.Session.TimeOffsetSeconds, -5, 5);
        await server.WaitForEventAsync(e => (string?)e["event"] == "bad_msg" && (int)e["code"]! == 16, TimeSpan.FromSeconds(5));
    }

    [SkippableFact]
    public async Task Acks_and_keep_alive_pings_reach_the_server()
    {
        await using var client = await OpenAsync(new SessionOptions { PingInterval = TimeSpan.FromSeconds(1), AckInterval = TimeSpan.FromMilliseconds(200) });
        await client.Session.InvokeRawAsync(Countries("plain"), s_timeout);
        await server.WaitForEventAsync(e => (string?)e["event"] == "acks", TimeSpan.FromSeconds(10));
        await server.WaitForEventAsync(e => (string?)e["event"] == "request" && (string?)e["name"] == "PingDelayDisconnectRequest", TimeSpan.FromSeconds(10));
    }

    private static byte[] Countries(string langCode) => new Help_GetCountriesListRequest { LangCode = langCode, Hash = 0 }.ToBytes();

    private async Task<Client> OpenAsync(SessionOptions? options = null, int? timeOffsetOverride = null, TimeProvider? time = null)
    {
        server.EnsureStarted();
        var connection = await TransportConnection.ConnectAsync(new TransportOptions { Host = "127.0.0.1", Port = server.Port }, s_timeout);
        var key = await new AuthKeyExchanger(ServerKeyRing.Default.WithPem(server.PublicKeyPem), 2).ExecuteAsync(connection, s_timeout);
        var session = new MtprotoSession(connection, key.Key, key.ServerSalt, timeOffsetOverride ?? key.TimeOffsetSeconds, options, time);
        session.Start();
        return new Client(connection, session);
    }

    /// <summary>The system clock, noting every one-shot timer (a Task.Delay) asked of it; periodic timers are not sleeps.</summary>
    private sealed class SleepRecordingTimeProvider : TimeProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> _sleeps = new();

        public IReadOnlyList<TimeSpan> Sleeps => [.. _sleeps];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (period == Timeout.InfiniteTimeSpan && dueTime != Timeout.InfiniteTimeSpan)
            {
                _sleeps.Enqueue(dueTime);
            }

            return System.CreateTimer(callback, state, dueTime, period);
        }
    }

    private sealed record Client(TransportConnection Connection, MtprotoSession Session) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Session.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
