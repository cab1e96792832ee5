using System.Security.Cryptography;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;

namespace Spectra.Telegram.Simulator;

/// <summary>
/// Server side of req_DH_params' encrypted_data: undoes RSA_PAD (current clients) or, failing its hash check, the
/// legacy SHA1(data) + data + padding form that older clients such as Telethon 1.x still send.
/// </summary>
internal static class RsaPadDecoder
{
    public static (PQInnerDataBase Inner, bool RsaPad) Decode(ServerRsaKey key, ReadOnlySpan<byte> encrypted)
    {
        var m = key.DecryptRaw(encrypted);
        var aesEncrypted = m.AsSpan(32);
        var tempKey = SHA256.HashData(aesEncrypted);
        for (var i = 0; i < 32; i++)
        {
            tempKey[i] ^= m[i];
        }

        var dataWithHash = AesIge.Decrypt(aesEncrypted, tempKey, new byte[32]);
        var padded = dataWithHash.AsSpan(0, 192).ToArray();
        Array.Reverse(padded);
        var expected = SHA256.HashData([.. tempKey, .. padded]);
        if (CryptographicOperations.FixedTimeEquals(expected, dataWithHash.AsSpan(192)))
        {
            return (PQInnerDataBase.ReadBoxed(new TlReader(padded)), true);
        }

        // Legacy: the 255-byte message (leading zero byte) is SHA1(data) + data + random.
        var reader = new TlReader(m.AsMemory(21));
        var inner = PQInnerDataBase.ReadBoxed(reader);
        if (!CryptographicOperations.FixedTimeEquals(SHA1.HashData(m.AsSpan(21, reader.Position)), m.AsSpan(1, 20)))
        {
            throw new CryptographicException("encrypted_data is neither valid RSA_PAD nor legacy SHA1-padded data.");
        }

        return (inner, false);
    }
}
