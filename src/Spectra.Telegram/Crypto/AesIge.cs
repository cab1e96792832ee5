using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Spectra.Telegram.Crypto;

/// <summary>
/// AES-256 in Infinite Garble Extension mode as MTProto uses it. The 32-byte IV is Telegram's convention:
/// iv[0:16] plays the previous ciphertext block, iv[16:32] the previous plaintext block, and
/// c_i = E(p_i xor c_{i-1}) xor p_{i-1}. Input and output may be the same buffer.
/// </summary>
public static class AesIge
{
    private const int Block = 16;

    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        var output = new byte[plaintext.Length];
        Encrypt(plaintext, output, key, iv);
        return output;
    }

    public static byte[] Decrypt(ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        var output = new byte[ciphertext.Length];
        Decrypt(ciphertext, output, key, iv);
        return output;
    }

    public static void Encrypt(ReadOnlySpan<byte> input, Span<byte> output, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv) =>
        Transform(input, output, key, iv, encrypt: true, forceManaged: false);

    public static void Decrypt(ReadOnlySpan<byte> input, Span<byte> output, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv) =>
        Transform(input, output, key, iv, encrypt: false, forceManaged: false);

    /// <summary>The portable path (ECB blocks from the platform's AES), exposed so tests can compare both paths.</summary>
    internal static void TransformPortable(ReadOnlySpan<byte> input, Span<byte> output, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, bool encrypt) =>
        Transform(input, output, key, iv, encrypt, forceManaged: true);

    private static void Transform(ReadOnlySpan<byte> input, Span<byte> output, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, bool encrypt, bool forceManaged)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("AES-256-IGE needs a 32-byte key.", nameof(key));
        }

        if (iv.Length != 32)
        {
            throw new ArgumentException("AES-IGE needs a 32-byte IV.", nameof(iv));
        }

        if (input.Length % Block != 0)
        {
            throw new ArgumentException("AES-IGE input must be a multiple of 16 bytes.", nameof(input));
        }

        if (output.Length < input.Length)
        {
            throw new ArgumentException("Output buffer is shorter than the input.", nameof(output));
        }

        if (!forceManaged && AesNiKeySchedule.IsSupported)
        {
            TransformAesNi(input, output, new AesNiKeySchedule(key), iv, encrypt);
        }
        else
        {
            TransformEcb(input, output, key, iv, encrypt);
        }
    }

    private static void TransformAesNi(ReadOnlySpan<byte> input, Span<byte> output, AesNiKeySchedule schedule, ReadOnlySpan<byte> iv, bool encrypt)
    {
        // Encrypt: x = prevC (iv[0:16]), y = prevP (iv[16:32]). Decrypt swaps the roles.
        var prevCipher = Vector128.Create(iv[..16]);
        var prevPlain = Vector128.Create(iv[16..32]);
        for (var offset = 0; offset < input.Length; offset += Block)
        {
            var block = Vector128.Create(input.Slice(offset, Block));
            if (encrypt)
            {
                var c = schedule.EncryptBlock(block ^ prevCipher) ^ prevPlain;
                prevPlain = block;
                prevCipher = c;
                c.CopyTo(output.Slice(offset, Block));
            }
            else
            {
                var p = schedule.DecryptBlock(block ^ prevPlain) ^ prevCipher;
                prevCipher = block;
                prevPlain = p;
                p.CopyTo(output.Slice(offset, Block));
            }
        }
    }

    private static void TransformEcb(ReadOnlySpan<byte> input, Span<byte> output, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, bool encrypt)
    {
        // One reusable ECB transform: per-block one-shot calls would set up a cipher context every 16 bytes.
        using var aes = Aes.Create();
        aes.Mode = CipherMode.ECB;
        aes.Padding = PaddingMode.None;
        var keyBytes = key.ToArray();
        using var transform = encrypt ? aes.CreateEncryptor(keyBytes, null) : aes.CreateDecryptor(keyBytes, null);
        CryptographicOperations.ZeroMemory(keyBytes);
        var prevCipher = new byte[Block];
        var prevPlain = new byte[Block];
        var work = new byte[Block];
        var next = new byte[Block];
        iv[..16].CopyTo(prevCipher);
        iv[16..32].CopyTo(prevPlain);
        for (var offset = 0; offset < input.Length; offset += Block)
        {
            input.Slice(offset, Block).CopyTo(next);
            if (encrypt)
            {
                Xor(next, prevCipher, work);
                transform.TransformBlock(work, 0, Block, work, 0);
                Xor(work, prevPlain, prevCipher);
                next.CopyTo(prevPlain, 0);
                prevCipher.CopyTo(output.Slice(offset, Block));
            }
            else
            {
                Xor(next, prevPlain, work);
                transform.TransformBlock(work, 0, Block, work, 0);
                Xor(work, prevCipher, prevPlain);
                next.CopyTo(prevCipher, 0);
                prevPlain.CopyTo(output.Slice(offset, Block));
            }
        }
    }

    private static void Xor(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> destination)
    {
        for (var i = 0; i < Block; i++)
        {
            destination[i] = (byte)(a[i] ^ b[i]);
        }
    }
}
