using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Spectra.Telegram.Crypto;

/// <summary>
/// A 2048-bit MTProto auth key with the two values derived from SHA1(key): the id (its low 64 bits, i.e. the last
/// 8 bytes read little-endian) that prefixes every encrypted packet, and the aux hash (its high 64 bits) used by
/// the handshake's new_nonce_hash checks. ToString never shows key material.
/// </summary>
public sealed class AuthKey
{
    public const int Length = 256;

    private readonly byte[] _key;

    public AuthKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != Length)
        {
            throw new ArgumentException("An auth key is exactly 256 bytes.", nameof(key));
        }

        _key = key.ToArray();
        Span<byte> sha1 = stackalloc byte[20];
        SHA1.HashData(_key, sha1);
        Id = BinaryPrimitives.ReadInt64LittleEndian(sha1[12..]);
        AuxHash = sha1[..8].ToArray();
    }

    public long Id { get; }

    /// <summary>The first 8 bytes of SHA1(key), as the handshake hashes them.</summary>
    public ReadOnlyMemory<byte> AuxHash { get; }

    public ReadOnlySpan<byte> Key => _key;

    /// <summary>new_nonce_hashN = low 128 bits (last 16 bytes) of SHA1(new_nonce + N + aux_hash).</summary>
    public byte[] ComputeNewNonceHash(ReadOnlySpan<byte> newNonce, byte number)
    {
        if (newNonce.Length != 32)
        {
            throw new ArgumentException("new_nonce is 32 bytes.", nameof(newNonce));
        }

        Span<byte> data = stackalloc byte[32 + 1 + 8];
        newNonce.CopyTo(data);
        data[32] = number;
        AuxHash.Span.CopyTo(data[33..]);
        Span<byte> sha1 = stackalloc byte[20];
        SHA1.HashData(data, sha1);
        return sha1[4..].ToArray();
    }

    public override string ToString() => FormattableString.Invariant($"AuthKey(id=0x{Id:x16})");
}
