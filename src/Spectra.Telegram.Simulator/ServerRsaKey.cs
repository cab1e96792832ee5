using System.Numerics;
using System.Security.Cryptography;
using Spectra.Telegram.Crypto;

namespace Spectra.Telegram.Simulator;

/// <summary>The simulated DC's own RSA key pair: raw RSA decryption (MTProto pads by itself) and the public PEM clients trust.</summary>
public sealed class ServerRsaKey
{
    private readonly BigInteger _n;
    private readonly BigInteger _d;

    public ServerRsaKey(RSA rsa)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        var p = rsa.ExportParameters(includePrivateParameters: true);
        _n = new BigInteger(p.Modulus, isUnsigned: true, isBigEndian: true);
        _d = new BigInteger(p.D, isUnsigned: true, isBigEndian: true);
        PublicKey = new RsaPublicKey(p.Modulus, p.Exponent);
        PublicPem = rsa.ExportRSAPublicKeyPem();
    }

    public RsaPublicKey PublicKey { get; }

    /// <summary>PKCS#1 "RSA PUBLIC KEY" PEM, the form Telegram publishes and clients load.</summary>
    public string PublicPem { get; }

    public static ServerRsaKey Generate()
    {
        using var rsa = RSA.Create(2048);
        return new ServerRsaKey(rsa);
    }

    /// <summary>c^d mod n as 256 big-endian bytes.</summary>
    public byte[] DecryptRaw(ReadOnlySpan<byte> cipher)
    {
        var c = new BigInteger(cipher, isUnsigned: true, isBigEndian: true);
        if (c >= _n)
        {
            throw new CryptographicException("RSA input is not below the modulus.");
        }

        var m = BigInteger.ModPow(c, _d, _n);
        var bytes = new byte[256];
        m.TryWriteBytes(bytes.AsSpan(256 - m.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }
}
