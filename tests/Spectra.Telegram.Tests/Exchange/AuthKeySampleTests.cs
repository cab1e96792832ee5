using System.Numerics;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Exchange;
using Spectra.Telegram.Tl;
using static Spectra.Telegram.Tests.Oracles.TestData;

namespace Spectra.Telegram.Tests.Exchange;

/// <summary>
/// Telegram's worked example "Sample of creating an authorization key" (core.telegram.org/mtproto/samples-auth_key),
/// replayed step by step. The long inputs (encrypted answer, b) and the resulting key are in Vectors/.
/// </summary>
public sealed class AuthKeySampleTests
{
    private static readonly byte[] s_nonce = Hex("406709F612FADFBEC3F0289D0AA67EEF");
    private static readonly byte[] s_serverNonce = Hex("E11DBC3BC97D91A26154F932AF019943");
    private static readonly byte[] s_newNonce = Hex("A8BBC849512DAC6C67B6EFD9157D6CA7377A1776307D84265C6BE9BDCF802AC1");

    [Fact]
    public void Factorizes_the_documented_pq()
    {
        Assert.Equal((1513098571UL, 1780931429UL), PqFactorizer.Factorize(2694724800268887959UL));
    }

    [Fact]
    public void Serializes_p_q_inner_data_dc_as_documented()
    {
        var w = new TlWriter();
        w.WriteUInt(0xa9f55f95);
        w.WriteBytes(Hex("256595EDB7766797"));
        w.WriteBytes(Hex("5A300D4B"));
        w.WriteBytes(Hex("6A26DB65"));
        w.WriteRaw(s_nonce);
        w.WriteRaw(s_serverNonce);
        w.WriteRaw(s_newNonce);
        w.WriteInt(2);
        Assert.Equal(
            "955FF5A908256595EDB7766797000000045A300D4B000000046A26DB65000000406709F612FADFBEC3F0289D0AA67EEF" +
            "E11DBC3BC97D91A26154F932AF019943A8BBC849512DAC6C67B6EFD9157D6CA7377A1776307D84265C6BE9BDCF802AC102000000",
            Convert.ToHexString(w.WrittenSpan));
    }

    [Fact]
    public void Replays_the_documented_exchange_to_the_documented_auth_key()
    {
        var (key, iv) = HandshakeCrypto.DeriveTemporaryAesKey(s_serverNonce, s_newNonce);
        Assert.Equal("5EA702F743E850F5546E857F08B7D5337BBAEDF9B61248751594851BE2E8C297", Convert.ToHexString(key));
        Assert.Equal("1CEF8E372A63D97EBFA805C0DBB018BC7C1E0931693FBCB1A1AFC0C0A8BBC849", Convert.ToHexString(iv));

        var answer = HandshakeCrypto.DecryptWithHash(Vector("sample_encrypted_answer.hex"), key, iv);
        Assert.Equal("60026275CC91DDEC5371C67B10331C4C1D362585", Convert.ToHexString(answer.AsSpan(0, 20)));

        // server_DH_inner_data#b5890dba nonce server_nonce g:int dh_prime:bytes g_a:bytes server_time:int
        var r = new TlReader(answer.AsMemory(20));
        Assert.Equal(0xb5890dbaU, r.ReadUInt());
        Assert.Equal(s_nonce, r.ReadRaw(16));
        Assert.Equal(s_serverNonce, r.ReadRaw(16));
        var g = r.ReadInt();
        var p = BigEndian(r.ReadBytes());
        var gA = BigEndian(r.ReadBytes());
        r.ReadInt();
        HandshakeCrypto.VerifyHash(answer, r.Position);

        Assert.Equal(3, g);
        Assert.Equal(DhChecks.TelegramPrime, p);
        DhChecks.CheckPrimeAndGenerator(p, g);
        DhChecks.CheckPublicValue(gA, p, "g_a");

        var b = BigEndian(Vector("sample_b.hex"));
        var gB = BigInteger.ModPow(g, b, p);
        DhChecks.CheckPublicValue(gB, p, "g_b");
        var gBBytes = gB.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.StartsWith("A215D057BC6648453D68C2F418A38D9D", Convert.ToHexString(gBBytes));

        var w = new TlWriter();
        w.WriteUInt(0x6643b654);
        w.WriteRaw(s_nonce);
        w.WriteRaw(s_serverNonce);
        w.WriteLong(0);
        w.WriteBytes(gBBytes);
        Assert.StartsWith("54B64366406709F612FADFBEC3F0289D", Convert.ToHexString(w.WrittenSpan));
        var documentedPadding = Hex("74876952857BA6AAA495A20D");
        var encrypted = HandshakeCrypto.EncryptWithHash(w.WrittenSpan, key, iv, buffer => documentedPadding.AsSpan(0, buffer.Length).CopyTo(buffer));
        Assert.Equal(336, encrypted.Length);
        Assert.StartsWith("14D185E575255986C29BE3A0437D525B", Convert.ToHexString(encrypted));
        Assert.EndsWith("2B7A77257C8FF55553D66B6E1D45E9D8CA88E5A47B16322FF2ED5F5ABE099E7006B2D29C829D746B704130B1", Convert.ToHexString(encrypted));

        var authKey = new AuthKey(BigInteger.ModPow(gA, b, p).ToByteArray(isUnsigned: true, isBigEndian: true));
        Assert.StartsWith("ACA2547BAA3B4B3E6AD9129ADEE79604", Convert.ToHexString(authKey.Key));
        Assert.EndsWith("C13EF1D9A02EE4601741", Convert.ToHexString(authKey.Key));
        Assert.Equal(Vector("sample_auth_key.hex"), authKey.Key.ToArray());
        Assert.Equal(unchecked((long)0x4E78EF50338B5865UL), authKey.Id);
        Assert.Equal("1142871352165E59E1124036B48B97D3", Convert.ToHexString(authKey.ComputeNewNonceHash(s_newNonce, 1)));
    }

    [Fact]
    public void First_salt_is_new_nonce_xor_server_nonce()
    {
        var salt = HandshakeCrypto.FirstServerSalt(s_newNonce, s_serverNonce);
        var expected = new byte[8];
        for (var i = 0; i < 8; i++)
        {
            expected[i] = (byte)(s_newNonce[i] ^ s_serverNonce[i]);
        }

        Assert.Equal(BitConverter.ToInt64(expected), salt);
    }

    [Fact]
    public void Tampered_answer_fails_the_sha1_check()
    {
        var (key, iv) = HandshakeCrypto.DeriveTemporaryAesKey(s_serverNonce, s_newNonce);
        var encrypted = Vector("sample_encrypted_answer.hex");
        encrypted[100] ^= 1;
        var answer = HandshakeCrypto.DecryptWithHash(encrypted, key, iv);
        Assert.Throws<Spectra.Telegram.Errors.MtprotoSecurityException>(() => HandshakeCrypto.VerifyHash(answer, answer.Length - 20 - 12));
    }

    private static BigInteger BigEndian(byte[] bytes) => new(bytes, isUnsigned: true, isBigEndian: true);
}
