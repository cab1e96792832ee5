using System.Buffers.Binary;
using System.Security.Cryptography;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Exchange;

/// <summary>
/// The arithmetic of the auth-key exchange that does not depend on TL types, shared by the client and the simulated
/// server: the temporary AES key/IV from the nonces, the SHA1-framed inner data, and the first server salt.
/// </summary>
public static class HandshakeCrypto
{
    /// <summary>
    /// tmp_aes_key = SHA1(new_nonce + server_nonce) + SHA1(server_nonce + new_nonce)[0:12];
    /// tmp_aes_iv = SHA1(server_nonce + new_nonce)[12:20] + SHA1(new_nonce + new_nonce) + new_nonce[0:4].
    /// </summary>
    public static (byte[] Key, byte[] Iv) DeriveTemporaryAesKey(ReadOnlySpan<byte> serverNonce, ReadOnlySpan<byte> newNonce)
    {
        if (serverNonce.Length != 16 || newNonce.Length != 32)
        {
            throw new ArgumentException("server_nonce is 16 bytes and new_nonce 32 bytes.");
        }

        var ns = Sha1(newNonce, serverNonce);
        var sn = Sha1(serverNonce, newNonce);
        var nn = Sha1(newNonce, newNonce);
        var key = new byte[32];
        var iv = new byte[32];
        ns.CopyTo(key, 0);
        sn.AsSpan(0, 12).CopyTo(key.AsSpan(20));
        sn.AsSpan(12, 8).CopyTo(iv);
        nn.CopyTo(iv, 8);
        newNonce[..4].CopyTo(iv.AsSpan(28));
        return (key, iv);
    }

    /// <summary>AES-IGE(SHA1(data) + data + random padding to a multiple of 16), as set_client_DH_params and server_DH_params_ok carry it.</summary>
    public static byte[] EncryptWithHash(ReadOnlySpan<byte> data, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, RandomFill fillRandom)
    {
        ArgumentNullException.ThrowIfNull(fillRandom);
        var length = 20 + data.Length;
        var plain = new byte[length + ((16 - (length % 16)) % 16)];
        SHA1.HashData(data, plain);
        data.CopyTo(plain.AsSpan(20));
        fillRandom(plain.AsSpan(length));
        return AesIge.Encrypt(plain, key, iv);
    }

    /// <summary>Decrypts an SHA1-framed answer; the caller parses the object and then calls <see cref="VerifyHash"/>.</summary>
    public static byte[] DecryptWithHash(ReadOnlySpan<byte> encrypted, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        if (encrypted.Length < 32 || encrypted.Length % 16 != 0 || encrypted.Length > 4096)
        {
            throw new MtprotoSecurityException(FormattableString.Invariant($"Encrypted handshake answer of {encrypted.Length} bytes has an impossible length."));
        }

        return AesIge.Decrypt(encrypted, key, iv);
    }

    /// <summary>Checks SHA1(answer[20 : 20+objectLength]) == answer[0:20] and that at most 15 padding bytes follow.</summary>
    public static void VerifyHash(ReadOnlySpan<byte> answerWithHash, int objectLength)
    {
        var padding = answerWithHash.Length - 20 - objectLength;
        if (objectLength <= 0 || padding < 0 || padding > 15)
        {
            throw new MtprotoSecurityException("Handshake answer length does not match its content.");
        }

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(answerWithHash.Slice(20, objectLength), hash);
        if (!CryptographicOperations.FixedTimeEquals(hash, answerWithHash[..20]))
        {
            throw new MtprotoSecurityException("Handshake answer SHA1 does not match its content.");
        }
    }

    /// <summary>server_salt = new_nonce[0:8] XOR server_nonce[0:8], read little-endian.</summary>
    public static long FirstServerSalt(ReadOnlySpan<byte> newNonce, ReadOnlySpan<byte> serverNonce) =>
        BinaryPrimitives.ReadInt64LittleEndian(newNonce) ^ BinaryPrimitives.ReadInt64LittleEndian(serverNonce);

    private static byte[] Sha1(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha.AppendData(a);
        sha.AppendData(b);
        return sha.GetHashAndReset();
    }
}
