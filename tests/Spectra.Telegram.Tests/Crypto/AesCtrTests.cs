using System.Security.Cryptography;
using Spectra.Telegram.Crypto;
using static Spectra.Telegram.Tests.Oracles.TestData;

namespace Spectra.Telegram.Tests.Crypto;

/// <summary>AES-256-CTR: NIST SP 800-38A F.5.5 vector, and streaming in odd chunk sizes equals one-shot.</summary>
public sealed class AesCtrTests
{
    [Fact]
    public void Matches_NIST_SP800_38A_CTR_AES256_vector()
    {
        var key = Hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
        var iv = Hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        var pt = Hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
        using var ctr = new AesCtr(key, iv);
        ctr.Transform(pt);
        Assert.Equal("601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c52b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6", Hex(pt));
    }

    [Fact]
    public void Chunked_stream_equals_one_shot_across_counter_carry()
    {
        var key = Random(32);
        var iv = Hex("00000000000000ffffffffffffffff00");
        var data = Random(5000);
        var oneShot = (byte[])data.Clone();
        using (var a = new AesCtr(key, iv))
        {
            a.Transform(oneShot);
        }

        var chunked = (byte[])data.Clone();
        using var b = new AesCtr(key, iv);
        for (var offset = 0; offset < chunked.Length;)
        {
            var n = Math.Min(RandomNumberGenerator.GetInt32(1, 200), chunked.Length - offset);
            b.Transform(chunked.AsSpan(offset, n));
            offset += n;
        }

        Assert.Equal(oneShot, chunked);
    }
}
