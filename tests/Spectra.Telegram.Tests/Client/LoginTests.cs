using Spectra.Telegram.Client;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Sessions;

namespace Spectra.Telegram.Tests.Client;

/// <summary>Login against the simulated cluster: PHONE_MIGRATE, SRP 2FA, wrong secrets, banned accounts, session restore.</summary>
public sealed class LoginTests
{
    [Fact]
    public async Task Login_follows_phone_migrate_and_passes_two_step_verification()
    {
        await using var cluster = ClientTestKit.Start(ClientTestKit.Fixture(10));
        await using var client = new TelegramClient(ClientTestKit.Options(cluster));
        var config = await client.ConnectAsync(default);
        Assert.Equal(2, config.ThisDc);
        Assert.Equal([2, 4], config.DcOptions.Select(o => o.Id).Order());

        string? hintSeen = null;
        var user = await client.LoginAsync(ClientTestKit.Phone, _ => Task.FromResult("24680"), (hint, _) => { hintSeen = hint; return Task.FromResult(ClientTestKit.Password); }, default);
        Assert.Equal(5001, user.Id);
        Assert.Equal(4, client.HomeDcId);
        Assert.Equal("fixture", hintSeen);
        Assert.Equal(1, cluster.Api.CallCounts["auth.checkPassword"]);

        // Logged in on DC 4 only: the home DC now serves reads.
        var channel = await client.ResolveChannelAsync("@archive", default);
        Assert.Equal(777, channel.Id);
    }

    [Fact]
    public async Task Wrong_code_and_wrong_password_are_typed_errors()
    {
        await using var cluster = ClientTestKit.Start(ClientTestKit.Fixture(10));
        await using var client = new TelegramClient(ClientTestKit.Options(cluster));
        await client.ConnectAsync(default);
        var badCode = await Assert.ThrowsAsync<RpcException>(() => client.LoginAsync(ClientTestKit.Phone, _ => Task.FromResult("00000"), (_, _) => Task.FromResult(ClientTestKit.Password), default));
        Assert.Equal("PHONE_CODE_INVALID", badCode.ErrorMessage);
        var badPassword = await Assert.ThrowsAsync<RpcException>(() => client.LoginAsync(ClientTestKit.Phone, _ => Task.FromResult("24680"), (_, _) => Task.FromResult("wrong"), default));
        Assert.Equal("PASSWORD_HASH_INVALID", badPassword.ErrorMessage);
        Assert.Null(client.UserId);
        await Assert.ThrowsAsync<UnauthorizedException>(() => client.ResolveChannelAsync("archive", default));
    }

    [Fact]
    public async Task Banned_account_surfaces_as_unauthorized()
    {
        await using var cluster = ClientTestKit.Start(ClientTestKit.Fixture(10));
        await using var client = new TelegramClient(ClientTestKit.Options(cluster));
        await client.ConnectAsync(default);
        var ex = await Assert.ThrowsAsync<UnauthorizedException>(() => client.LoginAsync("+15550002", _ => Task.FromResult("11111"), (_, _) => Task.FromResult(""), default));
        Assert.Equal("USER_DEACTIVATED_BAN", ex.ErrorMessage);
    }

    [Fact]
    public async Task Saved_session_reconnects_without_login_or_new_key()
    {
        var fixture = ClientTestKit.Fixture(50);
        await using var cluster = ClientTestKit.Start(fixture);
        var key = new byte[32];
        Random.Shared.NextBytes(key);
        using var saved = new MemoryStream();
        await using (var client = await ClientTestKit.LoggedInAsync(cluster))
        {
            await client.SaveSessionAsync(saved, key, default);
        }

        var keysOnHome = cluster.Dcs[4].AuthKeyIds.Count;
        var signIns = cluster.Api.CallCounts["auth.signIn"];
        saved.Position = 0;
        var state = await SessionStore.LoadAsync(saved, key, default);
        Assert.Equal(4, state.HomeDcId);
        await using var restored = new TelegramClient(ClientTestKit.Options(cluster), state);
        await restored.ConnectAsync(default);
        var channel = await restored.ResolveChannelAsync("t.me/archive", default);
        Assert.Equal(777, channel.Id);
        Assert.Equal(keysOnHome, cluster.Dcs[4].AuthKeyIds.Count);
        Assert.Equal(signIns, cluster.Api.CallCounts["auth.signIn"]);

        // DC 2 holds a key from before PHONE_MIGRATE that was never logged in: downloading from it exports authorization.
        var byId = await restored.GetMessagesAsync(channel, [50], default);
        var document = Assert.IsType<Spectra.Telegram.Tl.Api.Document>(Assert.IsType<Spectra.Telegram.Tl.Api.MessageMediaDocument>(Assert.IsType<Spectra.Telegram.Tl.Api.Message>(byId[50]).Media).Document);
        using var file = new MemoryStream();
        await restored.DownloadDocumentAsync(document, file, null, default);
        Assert.Equal(fixture.Channels[0].Messages.Single(m => m.Id == 50).File!.Content, file.ToArray());
        Assert.Equal(keysOnHome, cluster.Dcs[4].AuthKeyIds.Count);

        // The saved bytes never hold the auth key in plain text.
        var plainKey = state.Dcs[4].AuthKey;
        Assert.Equal(-1, saved.ToArray().AsSpan().IndexOf(plainKey.AsSpan(0, 32)));
    }
}
