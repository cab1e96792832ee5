using Spectra.Telegram.Client;
using Spectra.Telegram.Rpc;

namespace Spectra.Telegram.Tests.Client;

/// <summary>Session-level faults injected by the simulated DCs: salt rotation and a DC clock far from ours.</summary>
public sealed class SessionFaultTests
{
    [Fact]
    public async Task Rotated_salts_are_recovered_from_and_history_stays_complete()
    {
        var fixture = ClientTestKit.Fixture(200);
        await using var cluster = ClientTestKit.Start(fixture);
        await using var client = await ClientTestKit.LoggedInAsync(cluster);
        var channel = await client.ResolveChannelAsync("archive", default);
        fixture.Faults.RotateSaltEvery = 3;
        var ids = new List<int>();
        await foreach (var message in client.GetHistoryAsync(channel, pageSize: 20))
        {
            ids.Add(TelegramClient.IdOf(message));
        }

        Assert.Equal(fixture.Channels[0].Messages.Select(m => m.Id).OrderDescending(), ids);
        Assert.Contains("fault: salt rotated", cluster.Dcs[4].Trace);
    }

    [Fact]
    public async Task Clock_skew_is_corrected_through_bad_msg_16_for_a_restored_session()
    {
        var fixture = ClientTestKit.Fixture(10);
        fixture.Faults.RotateSaltEvery = 0;
        var skewed = new Spectra.Telegram.Simulator.Fixtures.SimFixture
        {
            DcIds = fixture.DcIds,
            Accounts = fixture.Accounts,
            Channels = fixture.Channels,
            Faults = new Spectra.Telegram.Simulator.Fixtures.SimFaults { ClockSkewSeconds = 3600 },
        };
        await using var cluster = ClientTestKit.Start(skewed);
        Spectra.Telegram.Sessions.SessionState state;
        await using (var client = await ClientTestKit.LoggedInAsync(cluster))
        {
            // The key exchange learned the DC's clock from server_time.
            Assert.Equal(777, (await client.ResolveChannelAsync("archive", default)).Id);
            state = client.ExportSession();
        }

        Assert.InRange(state.Dcs[4].TimeOffsetSeconds, 3590, 3610);

        // Our clock "jumps": the stored offset is lost. The DC answers bad_msg_notification 16 and the client resyncs.
        foreach (var dc in state.Dcs.Values)
        {
            dc.TimeOffsetSeconds = 0;
        }

        await using var restored = new TelegramClient(ClientTestKit.Options(cluster), state);
        await restored.ConnectAsync(default);
        Assert.Equal(777, (await restored.ResolveChannelAsync("archive", default)).Id);
        Assert.Contains("fault: bad_msg 16", cluster.Dcs[4].Trace);
    }

    [Fact]
    public async Task Calls_before_login_are_unauthorized()
    {
        await using var cluster = ClientTestKit.Start(ClientTestKit.Fixture(5));
        await using var client = new TelegramClient(ClientTestKit.Options(cluster));
        await client.ConnectAsync(default);
        var ex = await Assert.ThrowsAsync<UnauthorizedException>(() => client.ResolveChannelAsync("archive", default));
        Assert.Equal("AUTH_KEY_UNREGISTERED", ex.ErrorMessage);
    }
}
