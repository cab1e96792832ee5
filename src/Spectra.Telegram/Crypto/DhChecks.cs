using System.Numerics;
using System.Security.Cryptography;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Crypto;

/// <summary>
/// The Diffie-Hellman checks the MTProto spec requires of a client (auth-key exchange and SRP share them):
/// dh_prime is a 2048-bit safe prime, g is in 2..7 and generates the subgroup of order (p-1)/2, and every
/// exchanged g^x is strictly inside (1, p-1) and at least 2^(2048-64) away from both ends.
/// </summary>
public static class DhChecks
{
    /// <summary>Telegram's well-known 2048-bit safe prime; accepted without the (slow) primality test.</summary>
    public static readonly BigInteger TelegramPrime = BigInteger.Parse(
        "0C71CAEB9C6B1C9048E6C522F70F13F73980D40238E3E21C14934D037563D930F48198A0AA7C14058229493D22530F4DB" +
        "FA336F6E0AC925139543AED44CCE7C3720FD51F69458705AC68CD4FE6B6B13ABDC9746512969328454F18FAF8C595F64" +
        "2477FE96BB2A941D5BCD1D4AC8CC49880708FA9B378E3C4F3A9060BEE67CF9A4A4A695811051907E162753B56B0F6B41" +
        "0DBA74D8A84B2A14B3144E0EF1284754FD17ED950D5965B4B9DD46582DB1178D169C6BC465B0D6FF9CA3928FEF5B9AE4" +
        "E418FC15E83EBEA0F87FA9FF5EED70050DED2849F47BF959D956850CE929851F0D8115F635B105EE2E4E15D04B2454BF" +
        "6F4FADF034B10403119CD8E3B92FCC5B",
        System.Globalization.NumberStyles.HexNumber,
        System.Globalization.CultureInfo.InvariantCulture);

    private static readonly BigInteger s_margin = BigInteger.One << (2048 - 64);

    /// <summary>Throws unless p is a 2048-bit safe prime and g one of the generators the spec allows for it.</summary>
    public static void CheckPrimeAndGenerator(BigInteger p, int g)
    {
        if (p.Sign <= 0 || p.GetBitLength() != 2048)
        {
            throw new MtprotoSecurityException("dh_prime is not a 2048-bit number.");
        }

        if (!GeneratorMatchesPrime(p, g))
        {
            throw new MtprotoSecurityException(FormattableString.Invariant($"g = {g} does not generate a subgroup of prime order for this dh_prime."));
        }

        if (p != TelegramPrime && !(IsProbablePrime(p) && IsProbablePrime((p - 1) / 2)))
        {
            throw new MtprotoSecurityException("dh_prime is not a safe prime.");
        }
    }

    /// <summary>1 &lt; value &lt; p-1 and 2^(2048-64) &lt;= value &lt;= p - 2^(2048-64), for g_a, g_b and SRP's A/B.</summary>
    public static void CheckPublicValue(BigInteger value, BigInteger p, string name)
    {
        if (value <= BigInteger.One || value >= p - BigInteger.One || value < s_margin || value > p - s_margin)
        {
            throw new MtprotoSecurityException(name + " is outside the range the MTProto spec allows (too close to 1 or p-1).");
        }
    }

    /// <summary>The quadratic-residue conditions of the spec: g must generate the subgroup of order (p-1)/2.</summary>
    public static bool GeneratorMatchesPrime(BigInteger p, int g) => g switch
    {
        2 => p % 8 == 7,
        3 => p % 3 == 2,
        4 => true,
        5 => (p % 5) is var r5 && (r5 == 1 || r5 == 4),
        6 => (p % 24) is var r24 && (r24 == 19 || r24 == 23),
        7 => (p % 7) is var r7 && (r7 == 3 || r7 == 5 || r7 == 6),
        _ => false,
    };

    /// <summary>Miller-Rabin with 40 random bases: error probability below 2^-80.</summary>
    public static bool IsProbablePrime(BigInteger n)
    {
        if (n < 2)
        {
            return false;
        }

        foreach (var small in (ReadOnlySpan<int>)[2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37])
        {
            if (n == small)
            {
                return true;
            }

            if (n % small == 0)
            {
                return false;
            }
        }

        var d = n - 1;
        var s = 0;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }

        var length = n.GetByteCount(isUnsigned: true);
        var buffer = new byte[length];
        for (var round = 0; round < 40; round++)
        {
            BigInteger a;
            do
            {
                RandomNumberGenerator.Fill(buffer);
                a = new BigInteger(buffer, isUnsigned: true, isBigEndian: true) % n;
            }
            while (a < 2 || a > n - 2);

            var x = BigInteger.ModPow(a, d, n);
            if (x.IsOne || x == n - 1)
            {
                continue;
            }

            var composite = true;
            for (var r = 1; r < s; r++)
            {
                x = BigInteger.ModPow(x, 2, n);
                if (x == n - 1)
                {
                    composite = false;
                    break;
                }
            }

            if (composite)
            {
                return false;
            }
        }

        return true;
    }
}
