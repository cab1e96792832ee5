using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Crypto;

/// <summary>
/// Two-step verification by SRP (core.telegram.org/api/srp) for the algorithm
/// passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow. All numbers enter the hashes as 256-byte
/// big-endian strings. The password is only held in the derived hash; nothing here is logged.
/// </summary>
public static class Srp
{
    private const int Width = 256;
    private const int Iterations = 100_000;

    /// <summary>x = SH(PBKDF2-HMAC-SHA512(PH1, salt1, 100000), salt2) with PH1 = SH(SH(password, salt1), salt2), SH(d, s) = SHA256(s + d + s).</summary>
    public static byte[] ComputePasswordHash(string password, ReadOnlySpan<byte> salt1, ReadOnlySpan<byte> salt2)
    {
        ArgumentNullException.ThrowIfNull(password);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            var ph1 = SaltedHash(SaltedHash(passwordBytes, salt1), salt2);
            var pbkdf2 = Rfc2898DeriveBytes.Pbkdf2(ph1, salt1, Iterations, HashAlgorithmName.SHA512, 64);
            return SaltedHash(pbkdf2, salt2);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    public static SrpAnswer ComputeCheck(string password, ReadOnlySpan<byte> salt1, ReadOnlySpan<byte> salt2, int g, ReadOnlySpan<byte> pBytes, ReadOnlySpan<byte> srpB) =>
        ComputeCheck(password, salt1, salt2, g, pBytes, srpB, static buffer => RandomNumberGenerator.Fill(buffer));

    /// <summary>The client side of the exchange, with the secret a drawn from <paramref name="fillRandom"/> (256 bytes a try).</summary>
    public static SrpAnswer ComputeCheck(string password, ReadOnlySpan<byte> salt1, ReadOnlySpan<byte> salt2, int g, ReadOnlySpan<byte> pBytes, ReadOnlySpan<byte> srpB, RandomFill fillRandom)
    {
        ArgumentNullException.ThrowIfNull(fillRandom);
        var p = BigEndian.ToInteger(pBytes);
        DhChecks.CheckPrimeAndGenerator(p, g);
        var b = BigEndian.ToInteger(srpB);
        if (b.Sign <= 0 || b >= p)
        {
            throw new MtprotoSecurityException("srp_B is outside 0 < B < p.");
        }

        var gBig = new BigInteger(g);
        var pPadded = BigEndian.ToFixed(p, Width);
        var gPadded = BigEndian.ToFixed(gBig, Width);
        var bPadded = BigEndian.ToFixed(b, Width);
        var x = BigEndian.ToInteger(ComputePasswordHash(password, salt1, salt2));
        var k = BigEndian.ToInteger(Hash(pPadded, gPadded));
        var v = BigInteger.ModPow(gBig, x, p);
        var kv = k * v % p;
        var t = ((b - kv) % p + p) % p;
        CheckLarge(t, p, "srp_B - k*v");

        var secret = new byte[Width];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            fillRandom(secret);
            var a = BigEndian.ToInteger(secret);
            var aPublic = BigInteger.ModPow(gBig, a, p);
            if (!IsLarge(aPublic, p))
            {
                continue;
            }

            var aPadded = BigEndian.ToFixed(aPublic, Width);
            var u = BigEndian.ToInteger(Hash(aPadded, bPadded));
            if (u.IsZero)
            {
                continue;
            }

            var s = BigInteger.ModPow(t, a + (u * x), p);
            var kHash = Hash(BigEndian.ToFixed(s, Width));
            var hp = Hash(pPadded);
            var hg = Hash(gPadded);
            for (var i = 0; i < hp.Length; i++)
            {
                hp[i] ^= hg[i];
            }

            var m1 = Hash(hp, Hash(salt1.ToArray()), Hash(salt2.ToArray()), aPadded, bPadded, kHash);
            CryptographicOperations.ZeroMemory(secret);
            return new SrpAnswer(aPadded, m1);
        }

        throw new MtprotoSecurityException("No usable SRP secret found after 100 attempts.");
    }

    private static bool IsLarge(BigInteger value, BigInteger p) =>
        value.Sign > 0 && value < p && value.GetBitLength() >= 2048 - 64 && (p - value).GetBitLength() >= 2048 - 64;

    private static void CheckLarge(BigInteger value, BigInteger p, string name)
    {
        if (!IsLarge(value, p))
        {
            throw new MtprotoSecurityException(name + " is too close to 0 or p for a safe SRP exchange.");
        }
    }

    private static byte[] SaltedHash(ReadOnlySpan<byte> data, ReadOnlySpan<byte> salt)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(salt);
        sha.AppendData(data);
        sha.AppendData(salt);
        return sha.GetHashAndReset();
    }

    private static byte[] Hash(params byte[][] parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(part);
        }

        return sha.GetHashAndReset();
    }
}
