using System.Security.Cryptography;

namespace Spectra.Core.Security;

/// <summary>
/// Short fingerprints of secrets for logs and tags. Keyed with a random per-process key, so equal secrets get equal
/// tags within one run (useful for "same api_hash as before?") but a tag cannot be checked against guessed values
/// offline, which a plain hash of a phone number or a 6-digit code would allow.
/// </summary>
internal static class SecretTag
{
    private static readonly byte[] Key = CreateKey();

    public static string Compute(ReadOnlySpan<byte> secret)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Key, secret, mac);
        return Convert.ToHexString(mac[..3]).ToLowerInvariant();
    }

    private static byte[] CreateKey()
    {
        var key = GC.AllocateArray<byte>(32, pinned: true);
        RandomNumberGenerator.Fill(key);
        MemoryLock.TryLock(key);
        return key;
    }
}
