using Spectra.Telegram.Crypto;
using Spectra.Telegram.Tests.Oracles;
using static Spectra.Telegram.Tests.Oracles.TestData;

namespace Spectra.Telegram.Tests.Crypto;

/// <summary>The MTProto 2.0 KDF in both directions: fixed vectors (documented sample key) and Telethon's _calc_key.</summary>
public sealed class MessageKeyDerivationTests(TelethonProcess telethon) : IClassFixture<TelethonProcess>
{
    [Theory]
    [InlineData(0, "4b1798fed86a3861ba7ebe28dc89beea178f0f35a794678e7e87cfbf54fcc777", "38be2f2cfd8623563e3b67627377d79b0e471fd13bbaa46ee50bffbf02f92c1d")]
    [InlineData(8, "6addd9b1b1d0a4b3ca0cfa01995e0ea50d04a8e8fdecf127f466f9507d726e14", "7caf15f5d0d282a3a07d2f7d4f48ae89933b37767626d795a4f943b2afd2792b")]
    public void Matches_fixed_vectors(int x, string expectedKey, string expectedIv)
    {
        var key = new byte[32];
        var iv = new byte[32];
        MessageKeyDerivation.DeriveAesKeyIv(Vector("sample_auth_key.hex"), Hex("460caba67e2f710e54d51826b1e4ea2e"), x, key, iv);
        Assert.Equal(expectedKey, Hex(key));
        Assert.Equal(expectedIv, Hex(iv));
    }

    [SkippableFact]
    public void Agrees_with_Telethon_in_both_directions()
    {
        Oracle.RequireTelethon();
        for (var i = 0; i < 10; i++)
        {
            var authKey = Random(256);
            var msgKey = Random(16);
            foreach (var (x, client) in new[] { (0, true), (8, false) })
            {
                var key = new byte[32];
                var iv = new byte[32];
                MessageKeyDerivation.DeriveAesKeyIv(authKey, msgKey, x, key, iv);
                var theirs = telethon.Call("kdf", new { auth_key = Hex(authKey), msg_key = Hex(msgKey), client });
                Assert.Equal(theirs["key"]!.GetValue<string>(), Hex(key));
                Assert.Equal(theirs["iv"]!.GetValue<string>(), Hex(iv));
            }
        }
    }

    [SkippableFact]
    public void Auth_key_id_and_new_nonce_hash_agree_with_Telethon()
    {
        Oracle.RequireTelethon();
        var key = new AuthKey(Random(256));
        var newNonce = Random(32);
        var theirs = telethon.Call("auth_key", new { auth_key = Hex(key.Key), new_nonce = Hex(newNonce) });
        Assert.Equal((ulong)theirs["id"]!.GetValue<decimal>(), unchecked((ulong)key.Id));
        Assert.Equal(theirs["hash1"]!.GetValue<string>(), Hex(key.ComputeNewNonceHash(newNonce, 1)));
    }
}
