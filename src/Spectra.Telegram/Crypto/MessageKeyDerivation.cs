using System.Security.Cryptography;

namespace Spectra.Telegram.Crypto;

/// <summary>
/// MTProto 2.0's msg_key and the AES key/IV derived from it. x = 0 for client-to-server packets, x = 8 for
/// server-to-client: a peer that used the wrong x produces a msg_key the other side rejects.
/// </summary>
public static class MessageKeyDerivation
{
    public const int ClientToServer = 0;
    public const int ServerToClient = 8;

    /// <summary>msg_key = bytes 8..24 of SHA256(auth_key[88+x : 120+x] + plaintext_with_padding).</summary>
    public static void ComputeMessageKey(ReadOnlySpan<byte> authKey, ReadOnlySpan<byte> plaintextWithPadding, int x, Span<byte> msgKey)
    {
        CheckX(x);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(authKey.Slice(88 + x, 32));
        sha.AppendData(plaintextWithPadding);
        Span<byte> digest = stackalloc byte[32];
        sha.GetHashAndReset(digest);
        digest.Slice(8, 16).CopyTo(msgKey);
    }

    /// <summary>
    /// a = SHA256(msg_key + auth_key[x : x+36]), b = SHA256(auth_key[40+x : 76+x] + msg_key);
    /// key = a[0:8] + b[8:24] + a[24:32], iv = b[0:8] + a[8:24] + b[24:32].
    /// </summary>
    public static void DeriveAesKeyIv(ReadOnlySpan<byte> authKey, ReadOnlySpan<byte> msgKey, int x, Span<byte> aesKey, Span<byte> aesIv)
    {
        CheckX(x);
        Span<byte> input = stackalloc byte[52];
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        msgKey[..16].CopyTo(input);
        authKey.Slice(x, 36).CopyTo(input[16..]);
        SHA256.HashData(input, a);
        authKey.Slice(40 + x, 36).CopyTo(input);
        msgKey[..16].CopyTo(input[36..]);
        SHA256.HashData(input, b);

        a[..8].CopyTo(aesKey);
        b.Slice(8, 16).CopyTo(aesKey[8..]);
        a.Slice(24, 8).CopyTo(aesKey[24..]);
        b[..8].CopyTo(aesIv);
        a.Slice(8, 16).CopyTo(aesIv[8..]);
        b.Slice(24, 8).CopyTo(aesIv[24..]);
    }

    private static void CheckX(int x)
    {
        if (x is not (ClientToServer or ServerToClient))
        {
            throw new ArgumentOutOfRangeException(nameof(x), "x is 0 (client to server) or 8 (server to client).");
        }
    }
}
