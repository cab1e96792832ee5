using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Spectra.Core.Security;

/// <summary>
/// The random pass: AES-256 in counter mode under a fresh key from the OS CSPRNG. Its output is as unpredictable as
/// the RNG's, and it can be regenerated for any offset, so the read-back check compares against exactly what was
/// written without keeping a copy of the file in memory.
/// </summary>
internal sealed class KeyStream : IDisposable
{
    private const int AesBlock = 16;
    private readonly Aes _aes;
    private byte[] _counters = [];

    public KeyStream()
    {
        _aes = Aes.Create();
        var key = GC.AllocateArray<byte>(32, pinned: true);
        try
        {
            RandomNumberGenerator.Fill(key);
            _aes.Key = key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Fills <paramref name="destination"/> with the stream bytes starting at <paramref name="offset"/> (a multiple of 16).</summary>
    public void Generate(long offset, Span<byte> destination)
    {
        if (offset % AesBlock != 0)
        {
            throw new ArgumentException("Offset must be a multiple of 16.", nameof(offset));
        }

        var blocks = (destination.Length + AesBlock - 1) / AesBlock;
        var length = blocks * AesBlock;
        if (_counters.Length < length)
        {
            _counters = new byte[length];
        }

        var counters = _counters.AsSpan(0, length);
        counters.Clear();
        var first = offset / AesBlock;
        for (var i = 0; i < blocks; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(counters.Slice(i * AesBlock, 8), first + i);
        }

        if (length == destination.Length)
        {
            _aes.EncryptEcb(counters, destination, PaddingMode.None);
        }
        else
        {
            Span<byte> full = new byte[length];
            _aes.EncryptEcb(counters, full, PaddingMode.None);
            full[..destination.Length].CopyTo(destination);
        }
    }

    public void Dispose() => _aes.Dispose();
}
