using System.Security.Cryptography;

namespace Spectra.Telegram.Crypto;

/// <summary>
/// RSA_PAD, the padding scheme of the current auth-key exchange (core.telegram.org/mtproto/auth_key, step 4.1):
/// data (at most 144 bytes) + random bytes to 192, reversed, + SHA256(temp_key + padded data); AES-256-IGE under a
/// random temp_key with a zero IV; prefixed with temp_key XOR SHA256(aes_encrypted); retried with a new temp_key
/// until the 256-byte number is below the modulus; then raw RSA.
/// </summary>
public static class RsaPad
{
    public const int MaxDataLength = 144;

    public static byte[] Encrypt(ReadOnlySpan<byte> data, RsaPublicKey key) =>
        Encrypt(data, key, static buffer => RandomNumberGenerator.Fill(buffer));

    /// <summary>Same, drawing randomness from <paramref name="fillRandom"/> (first the padding, then each temp_key).</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> data, RsaPublicKey key, RandomFill fillRandom)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fillRandom);
        if (data.Length > MaxDataLength)
        {
            throw new ArgumentException("RSA_PAD carries at most 144 bytes.", nameof(data));
        }

        var padded = new byte[192];
        data.CopyTo(padded);
        fillRandom(padded.AsSpan(data.Length));
        var tempKey = new byte[32];
        var dataWithHash = new byte[224];
        var keyAesEncrypted = new byte[256];
        Span<byte> hash = stackalloc byte[32];
        Span<byte> zeroIv = stackalloc byte[32];
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            fillRandom(tempKey);
            padded.CopyTo(dataWithHash, 0);
            Array.Reverse(dataWithHash, 0, 192);
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                sha.AppendData(tempKey);
                sha.AppendData(padded);
                sha.GetHashAndReset(hash);
            }

            hash.CopyTo(dataWithHash.AsSpan(192));
            var aesEncrypted = keyAesEncrypted.AsSpan(32);
            AesIge.Encrypt(dataWithHash, aesEncrypted, tempKey, zeroIv);
            SHA256.HashData(aesEncrypted, hash);
            for (var i = 0; i < 32; i++)
            {
                keyAesEncrypted[i] = (byte)(tempKey[i] ^ hash[i]);
            }

            if (BigEndian.ToInteger(keyAesEncrypted) < key.Modulus)
            {
                return key.EncryptRaw(keyAesEncrypted);
            }
        }

        throw new CryptographicException("RSA_PAD found no temp_key giving a value below the modulus.");
    }
}
