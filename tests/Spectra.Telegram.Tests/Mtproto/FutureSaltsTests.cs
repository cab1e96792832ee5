using Spectra.Telegram.Crypto;
using Spectra.Telegram.Exchange;
using Spectra.Telegram.Mtproto;
using Spectra.Telegram.Simulator;
using Spectra.Telegram.Simulator.Fixtures;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Tests.Mtproto;

/// <summary>
/// Proactive salt management against a simulated DC that rotates its salt every 2 s: a session following
/// future_salts never needs bad_server_salt (counted server side), and without it the old correction path still works.
/// </summary>
public sealed class FutureSaltsTests
{
    private static readonly SessionOptions s_fast = new()
    {
        FutureSaltsRefreshBefore = TimeSpan.FromSeconds(10),
        FutureSaltsRetryInterval = TimeSpan.FromSeconds(1),
        AckInterval = TimeSpan.FromMilliseconds(100),
    };

    [Fact]
    public async Task Following_future_salts_across_rotations_needs_no_bad_server_salt()
    {
        var (dc, connection, session) = await ConnectAsync(new SimFaults { SaltPeriodSeconds = 2 }, s_fast);
        await using var _ = dc;
        await using var __ = connection;
        await using var ___ = session;
        await WaitForAsync(() => session.FutureSaltCount > 0, dc);
        var before = BadSaltCount(dc);
        var seen = await PingAcrossRotationsAsync(session, dc);

        Assert.True(seen.Count >= 3, "the test must span several rotations: " + seen.Count);
        Assert.Equal(before, BadSaltCount(dc));
        Assert.Null(session.Fault);
        Assert.Contains("get_future_salts", dc.Trace);
    }

    [Fact]
    public async Task With_future_salts_off_bad_server_salt_still_recovers_every_rotation()
    {
        var (dc, connection, session) = await ConnectAsync(new SimFaults { SaltPeriodSeconds = 2 }, s_fast with { UseFutureSalts = false });
        await using var _ = dc;
        await using var __ = connection;
        await using var ___ = session;
        var seen = await PingAcrossRotationsAsync(session, dc);

        Assert.True(seen.Count >= 3);
        Assert.True(BadSaltCount(dc) >= 2, "rotations must have been corrected by bad_server_salt");
        Assert.DoesNotContain("get_future_salts", dc.Trace);
        Assert.Equal(0, session.FutureSaltCount);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("truncated")]
    public async Task An_unusable_future_salts_answer_falls_back_to_bad_server_salt(string answer)
    {
        var (dc, connection, session) = await ConnectAsync(new SimFaults { SaltPeriodSeconds = 2, FutureSaltsAnswer = answer }, s_fast with { PingTimeout = TimeSpan.FromSeconds(1) });
        await using var _ = dc;
        await using var __ = connection;
        await using var ___ = session;
        var seen = await PingAcrossRotationsAsync(session, dc);

        Assert.True(seen.Count >= 3);
        Assert.Null(session.Fault);
        Assert.Equal(0, session.FutureSaltCount);
        Assert.True(dc.Trace.Count(t => t == "get_future_salts") >= 2, "a failed fetch is retried after the retry interval");
        Assert.True(BadSaltCount(dc) >= 1);
    }

    private static int BadSaltCount(SimulatedDc dc) => dc.Trace.Count(t => t == "bad_server_salt");

    /// <summary>Pings for ~7 s (three rotations at least, even though an old salt stays valid 1 s into the next one) and returns the distinct salts the session used.</summary>
    private static async Task<HashSet<long>> PingAcrossRotationsAsync(MtprotoSession session, SimulatedDc dc)
    {
        var seen = new HashSet<long>();
        var end = DateTime.UtcNow.AddSeconds(7);
        while (DateTime.UtcNow < end)
        {
            try
            {
                await session.PingAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException(ex.Message + " trace: " + string.Join(" / ", dc.Trace));
            }

            seen.Add(session.Salt);
            await Task.Delay(150);
        }

        return seen;
    }

    private static async Task WaitForAsync(Func<bool> condition, SimulatedDc dc)
    {
        var end = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < end, "condition not reached in 10 s: " + string.Join(" / ", dc.Trace));
            await Task.Delay(50);
        }
    }

    private static async Task<(SimulatedDc Dc, TransportConnection Connection, MtprotoSession Session)> ConnectAsync(SimFaults faults, SessionOptions options)
    {
        faults.CheckMessageTime = false;
        var dc = new SimulatedDc(ServerRsaKey.Generate()) { Faults = faults };
        dc.Start();
        var connection = await TransportConnection.ConnectAsync(new TransportOptions { Host = "127.0.0.1", Port = dc.Port }, default);
        var result = await new AuthKeyExchanger(ServerKeyRing.Default.With(dc.RsaKey.PublicKey), 2).ExecuteAsync(connection, default);
        var session = new MtprotoSession(connection, result.Key, result.ServerSalt, result.TimeOffsetSeconds, options);
        session.Start();
        return (dc, connection, session);
    }
}
