using System.Numerics;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Tests.Oracles;
using static Spectra.Telegram.Tests.Oracles.TestData;

namespace Spectra.Telegram.Tests.Crypto;

/// <summary>2FA SRP: a fixed vector (checked there against Telethon and a server-side verification) and live Telethon.</summary>
public sealed class SrpTests(TelethonProcess telethon) : IClassFixture<TelethonProcess>
{
    private const string Password = "correct horse battery staple";
    private static readonly byte[] s_salt1 = Hex("801c6810419ad36738100e2d41aff330ef5cdd294db6649c27c004264478913d523b49917a4a2274");
    private static readonly byte[] s_salt2 = Hex("e3b4eb48668225167d7c824ffe899d45");
    private static readonly byte[] s_p = DhChecks.TelegramPrime.ToByteArray(isUnsigned: true, isBigEndian: true);

    [Fact]
    public void Matches_the_fixed_vector()
    {
        var a = Hex("f3f4a82e58361dd93d3b40324cc85f524c5d00b73d3a6d892fcf26e2fb335c0730372a6d37da3f3a0565a11a8e4b3e292be291e0b87ec9afdec39c6a13b137304679876824422d849fb511bfb3196ed65d2027cf57c6c9e4bcfef400d66a2798bfc1b412ee05eec20e1044de6aa2a3ccb83a86a1460748ac44d40912a80b6735d6df2ea8f93bf39b11b35551a9bb8235a39781a1646f93af003edb2d9329c3e5ae1cbed636e54c98a727b6d3d55b7c25cd3dad0632ac5d16f8c6c60bbae0dc622954f0243b87d683d23a0e0be433dbd2a6f0fd14623448b1549d542ae6ed1e2b5f845c607df962b708f162ece3cbf1e4bdbd8556165d8571fa096e029ff4c56b");
        var srpB = Hex("46e5c60b7b42e6d5eaeb82232d4ec3d1be69daf593683d99ebe332bfcee307e1df85296aef6b02579fb60ab73fd819e42ab7cd63414b07608cd864374981c65e65a237580baef143ae510891c24c2d07a28ca03294f776f2a3a1b7b4ab853d9a2209cb4405c4c154419cb071d520684acc8fea26b91b0ef9998f6914f0edf947d6eb31d53222b90e1b7e7c22b49de3ca26c6ee84c5b6aca249fa12bc7efc3aed93db9f8995ed17221a03f5625f527c2c2f55d5cd88fb68b66b614b5f1321f0bfe6b94abf562791a1fb73b75a2c2f87da7d513ddcd4e35e69fde105b0e36bff81e664e3024d02fe3a8893df27188206690ca7dda47791581026f6318c3dd10e7d");
        Assert.Equal("df2f5a3763fd59cf3147b4884e435837d0959ce05eb4f3ea37d81a5a35fca984", Hex(Srp.ComputePasswordHash(Password, s_salt1, s_salt2)));
        var answer = Srp.ComputeCheck(Password, s_salt1, s_salt2, 3, s_p, srpB, buffer => a.CopyTo(buffer));
        Assert.StartsWith("1af6b7051f36734f836f1401c23a8b2331650a0596d4e8a90239e6c8f6e6f767", Hex(answer.A));
        Assert.EndsWith("6c3f421a", Hex(answer.A));
        Assert.Equal("f5520a390ed407860fc2f6b2ac76d587ed0cda846bbfd658b0e21e2c56baf78f", Hex(answer.M1));

        var wrong = Srp.ComputeCheck(Password + "!", s_salt1, s_salt2, 3, s_p, srpB, buffer => a.CopyTo(buffer));
        Assert.NotEqual(answer.M1, wrong.M1);
    }

    [SkippableFact]
    public void Agrees_with_Telethon_compute_check_on_random_inputs()
    {
        Oracle.RequireTelethon();
        for (var i = 0; i < 3; i++)
        {
            var salt1 = Random(40);
            var salt2 = Random(16);
            var a = Random(256);
            var srpB = (new BigInteger(Random(256), isUnsigned: true) % DhChecks.TelegramPrime).ToByteArray(isUnsigned: true, isBigEndian: true);
            srpB = [.. new byte[256 - srpB.Length], .. srpB];
            var password = "pässwörd " + i;
            var ours = Srp.ComputeCheck(password, salt1, salt2, 3, s_p, srpB, buffer => a.CopyTo(buffer));
            var theirs = telethon.Call("srp", new { password, salt1 = Hex(salt1), salt2 = Hex(salt2), g = 3, p = Hex(s_p), srp_b = Hex(srpB), a = Hex(a) });
            Assert.Equal(theirs["x"]!.GetValue<string>(), Hex(Srp.ComputePasswordHash(password, salt1, salt2)));
            Assert.Equal(theirs["A"]!.GetValue<string>(), Hex(ours.A));
            Assert.Equal(theirs["M1"]!.GetValue<string>(), Hex(ours.M1));
        }
    }

    [Fact]
    public void Rejects_bad_server_parameters()
    {
        var b = new byte[256];
        b[255] = 5;
        Assert.Throws<MtprotoSecurityException>(() => Srp.ComputeCheck(Password, s_salt1, s_salt2, 3, s_p, new byte[256]));
        Assert.Throws<MtprotoSecurityException>(() => Srp.ComputeCheck(Password, s_salt1, s_salt2, 3, s_p, s_p));
        Assert.Throws<MtprotoSecurityException>(() => Srp.ComputeCheck(Password, s_salt1, s_salt2, 9, s_p, b));
        Assert.Throws<MtprotoSecurityException>(() => Srp.ComputeCheck(Password, s_salt1, s_salt2, 3, s_p[..128], b));
    }
}
