using System.Buffers.Binary;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Mtproto;
using Spectra.Telegram.Tests.Oracles;
using static Spectra.Telegram.Tests.Oracles.TestData;

namespace Spectra.Telegram.Tests.Mtproto;

/// <summary>Encrypted message packing both ways against Telethon's MTProtoState, and every decryption check.</summary>
public sealed class MessageCipherTests(TelethonProcess telethon) : IClassFixture<TelethonProcess>
{
    private static readonly AuthKey s_key = new(Vector("sample_auth_key.hex"));

    [SkippableFact]
    public void Client_packet_is_byte_equal_to_Telethons_with_the_same_padding()
    {
        Oracle.RequireTelethon();
        foreach (var bodyLength in new[] { 4, 12, 16, 100, 1000 })
        {
            var body = Random(bodyLength);
            const long salt = 0x1122334455667788, session = 0x0102030405060708, msgId = 0x65A1B2C300000004;
            var plain = MessageCipher.BuildPlaintext(salt, session, msgId, 1, body);
            var padding = Random(12 + ((16 - ((plain.Length + 12) % 16)) % 16));
            var ours = MessageCipher.Encrypt(s_key, plain, padding, MessageKeyDerivation.ClientToServer);
            var theirs = telethon.Call("client_encrypt", new
            {
                auth_key = Hex(s_key.Key),
                salt,
                session_id = session,
                data = Hex(plain.AsSpan(16)),
                padding = Hex(padding),
            })["packet"]!.GetValue<string>();
            Assert.Equal(theirs, Hex(ours));

            var decrypted = MessageCipher.Decrypt(s_key, Hex(theirs), MessageKeyDerivation.ClientToServer);
            Assert.Equal((salt, session, msgId, 1), (decrypted.Salt, decrypted.SessionId, decrypted.MessageId, decrypted.SeqNo));
            Assert.Equal(body, decrypted.Body.ToArray());
        }
    }

    [SkippableFact]
    public void Telethon_accepts_our_server_to_client_packet()
    {
        Oracle.RequireTelethon();
        const long session = 0x5566778899aabbcc;
        var serverMsgId = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() << 32) | 1;
        var pong = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(pong, 0x347773c5);
        BinaryPrimitives.WriteInt64LittleEndian(pong.AsSpan(4), 1234);
        BinaryPrimitives.WriteInt64LittleEndian(pong.AsSpan(12), 5678);
        var packet = MessageCipher.Encrypt(s_key, MessageCipher.BuildPlaintext(42, session, serverMsgId, 3, pong), MessageKeyDerivation.ServerToClient);
        var theirs = telethon.Call("client_decrypt", new { auth_key = Hex(s_key.Key), session_id = session, packet = Hex(packet) });
        Assert.Equal(serverMsgId, theirs["msg_id"]!.GetValue<long>());
        Assert.Equal(3, theirs["seq_no"]!.GetValue<int>());
        Assert.Equal(Hex(pong), theirs["body"]!.GetValue<string>());

        // The same packet built with the client's x is refused by Telethon: the directions really differ.
        var wrongX = MessageCipher.Encrypt(s_key, MessageCipher.BuildPlaintext(42, session, serverMsgId + 4, 3, pong), MessageKeyDerivation.ClientToServer);
        var error = Assert.Throws<OracleException>(() => telethon.Call("client_decrypt", new { auth_key = Hex(s_key.Key), session_id = session, packet = Hex(wrongX) }));
        Assert.Contains("SecurityError", error.Message);
    }

    [Fact]
    public void Random_padding_stays_within_12_to_1024_and_aligns()
    {
        for (var length = 0; length < 64; length += 4)
        {
            var packet = MessageCipher.Encrypt(s_key, MessageCipher.BuildPlaintext(1, 2, 4, 1, new byte[length]), MessageKeyDerivation.ClientToServer);
            var padding = packet.Length - 24 - 32 - length;
            Assert.InRange(padding, 12, 1024);
            Assert.Equal(0, (packet.Length - 24) % 16);
        }
    }

    [Fact]
    public void Every_tampering_is_a_security_error()
    {
        var packet = MessageCipher.Encrypt(s_key, MessageCipher.BuildPlaintext(1, 2, 5, 1, Random(40)), MessageKeyDerivation.ServerToClient);
        Assert.Equal(40, MessageCipher.Decrypt(s_key, packet, MessageKeyDerivation.ServerToClient).Body.Length);

        for (var i = 0; i < packet.Length; i += 7)
        {
            var bad = (byte[])packet.Clone();
            bad[i] ^= 0x10;
            Assert.Throws<MtprotoSecurityException>(() => MessageCipher.Decrypt(s_key, bad, MessageKeyDerivation.ServerToClient));
        }

        Assert.Throws<MtprotoSecurityException>(() => MessageCipher.Decrypt(s_key, packet, MessageKeyDerivation.ClientToServer));
        Assert.Throws<MtprotoSecurityException>(() => MessageCipher.Decrypt(new AuthKey(Random(256)), packet, MessageKeyDerivation.ServerToClient));
        Assert.Throws<MtprotoSecurityException>(() => MessageCipher.Decrypt(s_key, packet.AsSpan(0, packet.Length - 16), MessageKeyDerivation.ServerToClient));
        Assert.Throws<MtprotoSecurityException>(() => MessageCipher.Decrypt(s_key, packet.AsSpan(0, 30), MessageKeyDerivation.ServerToClient));
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(6)]
    [InlineData(56)]
    [InlineData(int.MaxValue)]
    public void Declared_length_that_leaves_bad_padding_is_rejected_even_with_a_valid_msg_key(int declared)
    {
        var plain = MessageCipher.BuildPlaintext(1, 2, 5, 1, new byte[40]);
        BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(28), declared);
        var packet = MessageCipher.Encrypt(s_key, plain, new byte[24], MessageKeyDerivation.ServerToClient);
        Assert.Throws<MtprotoSecurityException>(() => MessageCipher.Decrypt(s_key, packet, MessageKeyDerivation.ServerToClient));
    }
}
