using System.Numerics;

namespace Spectra.Telegram.Crypto;

/// <summary>Conversions between non-negative BigIntegers and fixed-width big-endian byte strings (MTProto's DH/RSA/SRP form).</summary>
internal static class BigEndian
{
    public static BigInteger ToInteger(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    public static byte[] ToFixed(BigInteger value, int length)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Negative values have no MTProto encoding.");
        }

        var count = value.GetByteCount(isUnsigned: true);
        if (count > length)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Value does not fit the requested width.");
        }

        var result = new byte[length];
        value.TryWriteBytes(result.AsSpan(length - count), out _, isUnsigned: true, isBigEndian: true);
        return result;
    }
}
