using System.Security.Cryptography;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Crypto;

/// <summary>
/// Splits resPQ's 64-bit pq into its two prime factors with Pollard's rho in Brent's variant (UInt128 products, so
/// no overflow). The answer is ordered p &lt; q as req_DH_params wants it.
/// </summary>
public static class PqFactorizer
{
    public static (ulong P, ulong Q) Factorize(ulong pq)
    {
        if (pq < 4)
        {
            throw new MtprotoSecurityException("pq is too small to be a product of two primes.");
        }

        // A prime pq would send rho round a cycle of about 2^32 steps: refuse it up front.
        if (DhChecks.IsProbablePrime(pq))
        {
            throw new MtprotoSecurityException("pq is prime, so it has no factorization.");
        }

        ulong factor;
        if (pq % 2 == 0)
        {
            factor = 2;
        }
        else
        {
            factor = 0;
            for (var attempt = 0; attempt < 64 && (factor == 0 || factor == pq); attempt++)
            {
                factor = Brent(pq, (ulong)RandomNumberGenerator.GetInt32(1, int.MaxValue), (ulong)RandomNumberGenerator.GetInt32(1, int.MaxValue));
            }
        }

        if (factor <= 1 || factor >= pq || pq % factor != 0)
        {
            throw new MtprotoSecurityException("pq could not be factorized.");
        }

        var other = pq / factor;
        return factor < other ? (factor, other) : (other, factor);
    }

    private static ulong Brent(ulong n, ulong y, ulong c)
    {
        const int m = 128;
        ulong g = 1, r = 1, q = 1, x = 0, ys = 0;
        y %= n;
        c %= n;
        while (g == 1)
        {
            x = y;
            for (ulong i = 0; i < r; i++)
            {
                y = Step(y, c, n);
            }

            ulong k = 0;
            while (k < r && g == 1)
            {
                ys = y;
                var limit = Math.Min((ulong)m, r - k);
                for (ulong i = 0; i < limit; i++)
                {
                    y = Step(y, c, n);
                    q = MulMod(q, x > y ? x - y : y - x, n);
                }

                g = Gcd(q, n);
                k += m;
            }

            r *= 2;
            if (r > 1UL << 40)
            {
                return 0;
            }
        }

        if (g == n)
        {
            do
            {
                ys = Step(ys, c, n);
                g = Gcd(x > ys ? x - ys : ys - x, n);
            }
            while (g == 1);
        }

        return g;
    }

    private static ulong Step(ulong y, ulong c, ulong n) => (ulong)((((UInt128)y * y) + c) % n);

    private static ulong MulMod(ulong a, ulong b, ulong n) => (ulong)((UInt128)a * b % n);

    private static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
