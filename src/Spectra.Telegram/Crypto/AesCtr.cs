using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Spectra.Telegram.Crypto;

/// <summary>
/// AES-256-CTR as a keystream cipher (obfuscated2 transport, MTProxy). .NET has no CTR mode, so the counter blocks
/// are encrypted with ECB in batches and XORed in; the state carries over between calls, as a stream needs.
/// The 16-byte counter is incremented big-endian, as OpenSSL and Telegram's clients do.
/// </summary>
public sealed class AesCtr : IDisposable
{
    private const int Block = 16;
    private const int BatchBlocks = 64;

    private readonly Aes _aes;
    private readonly byte[] _counter = new byte[Block];
    private readonly byte[] _counterBatch = new byte[Block * BatchBlocks];
    private readonly byte[] _keystream = new byte[Block * BatchBlocks];
    private int _keystreamOffset;
    private int _keystreamLength;

    public AesCtr(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("AES-256-CTR needs a 32-byte key.", nameof(key));
        }

        if (iv.Length != Block)
        {
            throw new ArgumentException("AES-CTR needs a 16-byte IV.", nameof(iv));
        }

        _aes = Aes.Create();
        _aes.Key = key.ToArray();
        iv.CopyTo(_counter);
    }

    /// <summary>XORs the keystream into <paramref name="data"/> in place (encryption and decryption are the same).</summary>
    public void Transform(Span<byte> data) => Transform(data, data);

    public void Transform(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var done = 0;
        while (done < input.Length)
        {
            if (_keystreamOffset == _keystreamLength)
            {
                Refill();
            }

            var n = Math.Min(input.Length - done, _keystreamLength - _keystreamOffset);
            var ks = _keystream.AsSpan(_keystreamOffset, n);
            var src = input.Slice(done, n);
            var dst = output.Slice(done, n);
            for (var i = 0; i < n; i++)
            {
                dst[i] = (byte)(src[i] ^ ks[i]);
            }

            _keystreamOffset += n;
            done += n;
        }
    }

    public void Dispose() => _aes.Dispose();

    private void Refill()
    {
        for (var b = 0; b < BatchBlocks; b++)
        {
            _counter.CopyTo(_counterBatch, b * Block);
            Increment(_counter);
        }

        _aes.EncryptEcb(_counterBatch, _keystream, PaddingMode.None);
        _keystreamOffset = 0;
        _keystreamLength = _keystream.Length;
    }

    private static void Increment(byte[] counter)
    {
        var low = BinaryPrimitives.ReadUInt64BigEndian(counter.AsSpan(8));
        var high = BinaryPrimitives.ReadUInt64BigEndian(counter);
        low++;
        if (low == 0)
        {
            high++;
        }

        BinaryPrimitives.WriteUInt64BigEndian(counter, high);
        BinaryPrimitives.WriteUInt64BigEndian(counter.AsSpan(8), low);
    }
}
