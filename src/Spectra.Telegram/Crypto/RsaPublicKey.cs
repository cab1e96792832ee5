using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using Spectra.Telegram.Tl;

namespace Spectra.Telegram.Crypto;

/// <summary>
/// A Telegram server's RSA public key. The fingerprint is the low 64 bits of SHA1 over the TL-serialized modulus
/// and exponent (big-endian magnitudes as TL bytes), which is how resPQ names the keys a server accepts.
/// </summary>
public sealed class RsaPublicKey
{
    private readonly byte[] _modulus;
    private readonly byte[] _exponent;

    public RsaPublicKey(ReadOnlySpan<byte> modulusBigEndian, ReadOnlySpan<byte> exponentBigEndian)
    {
        _modulus = TrimLeadingZeros(modulusBigEndian).ToArray();
        _exponent = TrimLeadingZeros(exponentBigEndian).ToArray();
        if (_modulus.Length != 256)
        {
            throw new ArgumentException("MTProto server keys are 2048-bit RSA keys.", nameof(modulusBigEndian));
        }

        Modulus = new BigInteger(_modulus, isUnsigned: true, isBigEndian: true);
        Exponent = new BigInteger(_exponent, isUnsigned: true, isBigEndian: true);
        var writer = new TlWriter(300);
        writer.WriteBytes(_modulus);
        writer.WriteBytes(_exponent);
        Span<byte> sha1 = stackalloc byte[20];
        SHA1.HashData(writer.WrittenSpan, sha1);
        Fingerprint = BinaryPrimitives.ReadInt64LittleEndian(sha1[12..]);
    }

    public BigInteger Modulus { get; }

    public BigInteger Exponent { get; }

    public long Fingerprint { get; }

    public ReadOnlySpan<byte> ModulusBytes => _modulus;

    /// <summary>Reads a PEM "RSA PUBLIC KEY" (PKCS#1) or "PUBLIC KEY" (SubjectPublicKeyInfo) block.</summary>
    public static RsaPublicKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new FormatException("The text is not a PEM-encoded RSA public key (expected 'BEGIN RSA PUBLIC KEY' or 'BEGIN PUBLIC KEY').", ex);
        }

        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new RsaPublicKey(parameters.Modulus, parameters.Exponent);
    }

    /// <summary>Raw RSA: m^e mod n, 256 bytes big-endian. Only safe on RSA_PAD output.</summary>
    public byte[] EncryptRaw(ReadOnlySpan<byte> messageBigEndian)
    {
        var m = new BigInteger(messageBigEndian, isUnsigned: true, isBigEndian: true);
        if (m >= Modulus)
        {
            throw new ArgumentException("RSA input must be smaller than the modulus.", nameof(messageBigEndian));
        }

        return BigEndian.ToFixed(BigInteger.ModPow(m, Exponent, Modulus), 256);
    }

    public override string ToString() => FormattableString.Invariant($"RsaPublicKey(fingerprint=0x{Fingerprint:x16})");

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var i = 0;
        while (i < value.Length - 1 && value[i] == 0)
        {
            i++;
        }

        return value[i..];
    }
}
