using System.Buffers.Binary;
using System.Security.Cryptography;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Mtproto;

/// <summary>
/// Packs and unpacks MTProto 2.0 encrypted messages: auth_key_id(8) msg_key(16) AES-IGE(salt session_id msg_id
/// seq_no length body padding). Works for both directions so the same code serves the client and the simulator.
/// Decryption checks, in order: packet length, auth_key_id, msg_key (constant time), declared body length, padding.
/// </summary>
public static class MessageCipher
{
    public const int InnerHeaderLength = 32;
    public const int MinPadding = 12;
    public const int MaxPadding = 1024;
    private const int OuterHeaderLength = 24;

    /// <summary>Builds the inner plaintext (without padding) for one message.</summary>
    public static byte[] BuildPlaintext(long salt, long sessionId, long messageId, int seqNo, ReadOnlySpan<byte> body)
    {
        var plain = new byte[InnerHeaderLength + body.Length];
        BinaryPrimitives.WriteInt64LittleEndian(plain, salt);
        BinaryPrimitives.WriteInt64LittleEndian(plain.AsSpan(8), sessionId);
        BinaryPrimitives.WriteInt64LittleEndian(plain.AsSpan(16), messageId);
        BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(24), seqNo);
        BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(28), body.Length);
        body.CopyTo(plain.AsSpan(InnerHeaderLength));
        return plain;
    }

    /// <summary>Encrypts with fresh random padding (12..1024 bytes, total a multiple of 16).</summary>
    public static byte[] Encrypt(AuthKey authKey, ReadOnlySpan<byte> plaintext, int x)
    {
        var minimal = MinPadding + ((16 - ((plaintext.Length + MinPadding) % 16)) % 16);
        var extraBlocks = RandomNumberGenerator.GetInt32(0, 4);
        var padding = new byte[minimal + (16 * extraBlocks)];
        RandomNumberGenerator.Fill(padding);
        return Encrypt(authKey, plaintext, padding, x);
    }

    /// <summary>Encrypts with caller-chosen padding (deterministic vectors in tests, the simulator).</summary>
    public static byte[] Encrypt(AuthKey authKey, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> padding, int x)
    {
        if (padding.Length < MinPadding || padding.Length > MaxPadding || (plaintext.Length + padding.Length) % 16 != 0)
        {
            throw new ArgumentException("Padding must be 12..1024 bytes and make the plaintext a multiple of 16.", nameof(padding));
        }

        var total = plaintext.Length + padding.Length;
        var packet = new byte[OuterHeaderLength + total];
        var inner = packet.AsSpan(OuterHeaderLength);
        plaintext.CopyTo(inner);
        padding.CopyTo(inner[plaintext.Length..]);

        BinaryPrimitives.WriteInt64LittleEndian(packet, authKey.Id);
        var msgKey = packet.AsSpan(8, 16);
        MessageKeyDerivation.ComputeMessageKey(authKey.Key, inner, x, msgKey);
        Span<byte> aesKey = stackalloc byte[32];
        Span<byte> aesIv = stackalloc byte[32];
        MessageKeyDerivation.DeriveAesKeyIv(authKey.Key, msgKey, x, aesKey, aesIv);
        AesIge.Encrypt(inner, inner, aesKey, aesIv);
        return packet;
    }

    /// <summary>Decrypts and verifies a packet; any failed check is an <see cref="MtprotoSecurityException"/>.</summary>
    public static DecryptedMessage Decrypt(AuthKey authKey, ReadOnlySpan<byte> packet, int x)
    {
        var encryptedLength = packet.Length - OuterHeaderLength;
        if (encryptedLength < InnerHeaderLength + 16 || encryptedLength % 16 != 0)
        {
            throw new MtprotoSecurityException(FormattableString.Invariant($"Encrypted packet of {packet.Length} bytes has an impossible length."));
        }

        if (BinaryPrimitives.ReadInt64LittleEndian(packet) != authKey.Id)
        {
            throw new MtprotoSecurityException("Packet auth_key_id does not match this connection's auth key.");
        }

        var msgKey = packet.Slice(8, 16);
        Span<byte> aesKey = stackalloc byte[32];
        Span<byte> aesIv = stackalloc byte[32];
        MessageKeyDerivation.DeriveAesKeyIv(authKey.Key, msgKey, x, aesKey, aesIv);
        var plain = new byte[encryptedLength];
        AesIge.Decrypt(packet[OuterHeaderLength..], plain, aesKey, aesIv);

        Span<byte> expected = stackalloc byte[16];
        MessageKeyDerivation.ComputeMessageKey(authKey.Key, plain, x, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, msgKey))
        {
            throw new MtprotoSecurityException("Packet msg_key does not match its decrypted content.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(plain.AsSpan(28));
        var padding = encryptedLength - InnerHeaderLength - length;
        if (length < 0 || length % 4 != 0 || padding < MinPadding || padding > MaxPadding)
        {
            throw new MtprotoSecurityException(FormattableString.Invariant($"Decrypted message declares {length} body bytes, which leaves {padding} bytes of padding (must be 12..1024)."));
        }

        return new DecryptedMessage(
            BinaryPrimitives.ReadInt64LittleEndian(plain),
            BinaryPrimitives.ReadInt64LittleEndian(plain.AsSpan(8)),
            BinaryPrimitives.ReadInt64LittleEndian(plain.AsSpan(16)),
            BinaryPrimitives.ReadInt32LittleEndian(plain.AsSpan(24)),
            plain.AsMemory(InnerHeaderLength, length));
    }
}
