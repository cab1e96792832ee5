using System.Security.Cryptography;

namespace Spectra.Telegram.Tests.Oracles;

/// <summary>Deterministic test bytes and the published vectors shipped in Vectors/.</summary>
public static class TestData
{
    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    public static byte[] Vector(string name) =>
        Convert.FromHexString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", name)).Trim());

    /// <summary>SHA-256 in counter mode over a label (same construction as the research oracle scripts).</summary>
    public static byte[] Stream(string label, int length)
    {
        var result = new byte[length];
        var labelBytes = System.Text.Encoding.ASCII.GetBytes(label);
        for (int i = 0, offset = 0; offset < length; i++, offset += 32)
        {
            var block = SHA256.HashData([.. labelBytes, (byte)(i >> 24), (byte)(i >> 16), (byte)(i >> 8), (byte)i]);
            block.AsSpan(0, Math.Min(32, length - offset)).CopyTo(result.AsSpan(offset));
        }

        return result;
    }

    public static byte[] Random(int length) => RandomNumberGenerator.GetBytes(length);
}
