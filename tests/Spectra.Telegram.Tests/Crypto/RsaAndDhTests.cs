using System.Numerics;
using System.Security.Cryptography;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Tests.Oracles;
using static Spectra.Telegram.Tests.Oracles.TestData;

namespace Spectra.Telegram.Tests.Crypto;

/// <summary>Server keys and fingerprints, RSA_PAD (undone on the Python side with the private key), DH checks, pq.</summary>
public sealed class RsaAndDhTests(TelethonProcess telethon) : IClassFixture<TelethonProcess>
{
    [Fact]
    public void Built_in_keys_have_Telegrams_published_fingerprints()
    {
        var fingerprints = ServerKeyRing.Default.Keys.Select(k => unchecked((ulong)k.Fingerprint)).ToHashSet();
        Assert.Contains(0xd09d1d85de64fd85UL, fingerprints);
        Assert.Contains(0xb25898df208d2603UL, fingerprints);
        Assert.True(ServerKeyRing.Default.TryFind([123, unchecked((long)0xb25898df208d2603UL)], out var key));
        Assert.Equal(unchecked((long)0xb25898df208d2603UL), key.Fingerprint);
        Assert.False(ServerKeyRing.Default.TryFind([1, 2, 3], out _));
    }

    [Fact]
    public void Extra_pem_keys_are_accepted_in_both_pem_forms()
    {
        using var rsa = RSA.Create(2048);
        var ring = ServerKeyRing.Default.WithPem(rsa.ExportRSAPublicKeyPem() + "\n" + rsa.ExportSubjectPublicKeyInfoPem());
        Assert.Equal(3, ring.Keys.Count);
        var p = rsa.ExportParameters(false);
        Assert.Contains(ring.Keys, k => k.ModulusBytes.SequenceEqual(p.Modulus));
        Assert.Throws<FormatException>(() => ServerKeyRing.Default.WithPem("not a key"));
        Assert.Throws<FormatException>(() => RsaPublicKey.FromPem("-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----"));
    }

    [SkippableFact]
    public void Rsa_pad_output_decrypts_per_spec_on_the_python_side()
    {
        Oracle.RequireTelethon();
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(true);
        var key = new RsaPublicKey(p.Modulus, p.Exponent);
        foreach (var length in new[] { 0, 96, 144 })
        {
            var data = Random(length);
            var cipher = RsaPad.Encrypt(data, key);
            Assert.Equal(256, cipher.Length);
            var theirs = telethon.Call("rsa_pad_decrypt", new { n = Convert.ToHexString(p.Modulus!), d = Convert.ToHexString(p.D!), cipher = Hex(cipher) });
            Assert.True(theirs["hash_ok"]!.GetValue<bool>());
            Assert.StartsWith(Hex(data), theirs["padded"]!.GetValue<string>());
        }

        Assert.Throws<ArgumentException>(() => RsaPad.Encrypt(new byte[145], key));
    }

    [Fact]
    public void Dh_checks_accept_telegrams_prime_and_reject_bad_values()
    {
        var prime = DhChecks.TelegramPrime;
        DhChecks.CheckPrimeAndGenerator(prime, 3);
        Assert.Throws<MtprotoSecurityException>(() => DhChecks.CheckPrimeAndGenerator(prime, 8));
        Assert.Throws<MtprotoSecurityException>(() => DhChecks.CheckPrimeAndGenerator(prime, 1));
        Assert.Throws<MtprotoSecurityException>(() => DhChecks.CheckPrimeAndGenerator(prime + 2, 4));
        Assert.Throws<MtprotoSecurityException>(() => DhChecks.CheckPrimeAndGenerator(prime >> 1, 4));

        var margin = BigInteger.One << (2048 - 64);
        DhChecks.CheckPublicValue(margin, prime, "g_a");
        DhChecks.CheckPublicValue(prime - margin, prime, "g_a");
        foreach (var bad in new[] { BigInteger.One, margin - 1, prime - margin + 1, prime - 1, prime })
        {
            Assert.Throws<MtprotoSecurityException>(() => DhChecks.CheckPublicValue(bad, prime, "g_a"));
        }
    }

    [Fact]
    public void Generator_residue_conditions_follow_the_spec()
    {
        Assert.True(DhChecks.GeneratorMatchesPrime(23, 2));   // 23 mod 8 = 7
        Assert.False(DhChecks.GeneratorMatchesPrime(19, 2));
        Assert.True(DhChecks.GeneratorMatchesPrime(11, 3));   // 11 mod 3 = 2
        Assert.True(DhChecks.GeneratorMatchesPrime(11, 5));   // 11 mod 5 = 1
        Assert.True(DhChecks.GeneratorMatchesPrime(43, 6));   // 43 mod 24 = 19
        Assert.True(DhChecks.GeneratorMatchesPrime(17, 7));   // 17 mod 7 = 3
        Assert.False(DhChecks.GeneratorMatchesPrime(29, 7));  // 29 mod 7 = 1
        Assert.True(DhChecks.IsProbablePrime((DhChecks.TelegramPrime - 1) / 2));
        Assert.False(DhChecks.IsProbablePrime(DhChecks.TelegramPrime * 3));
    }

    [Fact]
    public void Factorizes_random_products_of_two_primes()
    {
        for (var i = 0; i < 20; i++)
        {
            var p = RandomPrime();
            var q = RandomPrime();
            var (a, b) = PqFactorizer.Factorize(p * q);
            Assert.Equal((Math.Min(p, q), Math.Max(p, q)), (a, b));
        }

        Assert.Throws<MtprotoSecurityException>(() => PqFactorizer.Factorize(3));
        Assert.Throws<MtprotoSecurityException>(() => PqFactorizer.Factorize(18446744073709551557UL)); // largest 64-bit prime
    }

    private static ulong RandomPrime()
    {
        while (true)
        {
            var candidate = (ulong)RandomNumberGenerator.GetInt32(1 << 30, int.MaxValue) | 1;
            if (DhChecks.IsProbablePrime(candidate))
            {
                return candidate;
            }
        }
    }
}
