using Spectra.Telegram.Errors;
using Spectra.Telegram.Sessions;
using static Spectra.Telegram.Tests.Oracles.TestData;

namespace Spectra.Telegram.Tests.Sessions;

/// <summary>Encrypted session persistence: round trip, no plaintext secrets, and clear errors for every bad input.</summary>
public sealed class SessionStoreTests
{
    private static SessionState Sample() => new()
    {
        HomeDcId = 4,
        UserId = 777,
        Dcs =
        {
            [4] = new DcSessionState { AuthKey = Random(256), Salt = -123456789, TimeOffsetSeconds = -7 },
            [2] = new DcSessionState { AuthKey = Random(256), Salt = 42, TimeOffsetSeconds = 3 },
        },
    };

    [Fact]
    public async Task Round_trips_every_field()
    {
        var state = Sample();
        var key = Random(32);
        var bytes = await Save(state, key);
        var loaded = await SessionStore.LoadAsync(new MemoryStream(bytes), key, default);
        Assert.Equal((4, 777L), (loaded.HomeDcId, loaded.UserId));
        Assert.Equal(state.Dcs.Keys.Order(), loaded.Dcs.Keys.Order());
        foreach (var (dc, value) in state.Dcs)
        {
            Assert.Equal(value.AuthKey, loaded.Dcs[dc].AuthKey);
            Assert.Equal((value.Salt, value.TimeOffsetSeconds), (loaded.Dcs[dc].Salt, loaded.Dcs[dc].TimeOffsetSeconds));
        }
    }

    [Fact]
    public async Task Auth_keys_never_appear_in_the_saved_bytes_or_ToString()
    {
        var state = Sample();
        var bytes = await Save(state, Random(32));
        foreach (var dc in state.Dcs.Values)
        {
            Assert.False(bytes.AsSpan().IndexOf(dc.AuthKey.AsSpan(0, 16)) >= 0);
            Assert.False(bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(dc.AuthKey)[..16])) >= 0);
            Assert.DoesNotContain(Convert.ToBase64String(dc.AuthKey)[..16], state.ToString() + dc);
        }
    }

    [Fact]
    public async Task Wrong_key_and_every_tampered_byte_are_session_store_errors()
    {
        var key = Random(32);
        var bytes = await Save(Sample(), key);
        var wrong = await Assert.ThrowsAsync<SessionStoreException>(() => SessionStore.LoadAsync(new MemoryStream(bytes), Random(32), default));
        Assert.Contains("key is wrong or the file was modified", wrong.Message);
        for (var i = 0; i < bytes.Length; i += Math.Max(1, bytes.Length / 40))
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            await Assert.ThrowsAsync<SessionStoreException>(() => SessionStore.LoadAsync(new MemoryStream(tampered), key, default));
        }

        await Assert.ThrowsAsync<SessionStoreException>(() => SessionStore.LoadAsync(new MemoryStream(bytes[..20]), key, default));
        await Assert.ThrowsAsync<SessionStoreException>(() => SessionStore.LoadAsync(new MemoryStream(bytes[..^1]), key, default));
        await Assert.ThrowsAsync<SessionStoreException>(() => SessionStore.LoadAsync(new MemoryStream([]), key, default));
        await Assert.ThrowsAsync<ArgumentException>(() => SessionStore.LoadAsync(new MemoryStream(bytes), Random(16), default));
    }

    private static async Task<byte[]> Save(SessionState state, byte[] key)
    {
        var stream = new MemoryStream();
        await SessionStore.SaveAsync(state, stream, key, default);
        return stream.ToArray();
    }
}
