using System.Numerics;
using System.Security.Cryptography;
using Spectra.Telegram.Crypto;

namespace Spectra.Telegram.Simulator.Api;

/// <summary>The server half of Telegram's SRP: B = k·v + g^b, S = (A·v^u)^b, and the expected M1.</summary>
internal sealed class ServerSrp
{
    public const int G = 3;
    private static readonly BigInteger s_p = DhChecks.TelegramPrime;
    private readonly BigInteger _v;
    private readonly BigInteger _b;

    public ServerSrp(string password, byte[] salt1, byte[] salt2)
    {
        Salt1 = salt1;
        Salt2 = salt2;
        var x = BigEndian.ToInteger(Srp.ComputePasswordHash(password, salt1, salt2));
        _v = BigInteger.ModPow(G, x, s_p);
        _b = BigEndian.ToInteger(RandomNumberGenerator.GetBytes(256)) % s_p;
        var k = BigEndian.ToInteger(Hash(Prime, Pad(G)));
        B = Pad(((k * _v) + BigInteger.ModPow(G, _b, s_p)) % s_p);
    }

    public static byte[] Prime => Pad(s_p);

    public byte[] Salt1 { get; }

    public byte[] Salt2 { get; }

    public byte[] B { get; }

    public bool Verify(byte[] a, byte[] m1)
    {
        var aValue = BigEndian.ToInteger(a);
        if (aValue.Sign <= 0 || aValue >= s_p)
        {
            return false;
        }

        var u = BigEndian.ToInteger(Hash(Pad(aValue), B));
        var s = BigInteger.ModPow(aValue * BigInteger.ModPow(_v, u, s_p) % s_p, _b, s_p);
        var hp = SHA256.HashData(Prime);
        var hg = SHA256.HashData(Pad(G));
        for (var i = 0; i < hp.Length; i++)
        {
            hp[i] ^= hg[i];
        }

        var expected = Hash(hp, SHA256.HashData(Salt1), SHA256.HashData(Salt2), Pad(aValue), B, SHA256.HashData(Pad(s)));
        return CryptographicOperations.FixedTimeEquals(expected, m1);
    }

    private static byte[] Pad(BigInteger value) => BigEndian.ToFixed(value, 256);

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
