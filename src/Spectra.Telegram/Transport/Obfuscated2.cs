using System.Buffers.Binary;
using System.Security.Cryptography;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Transport;

/// <summary>
/// The obfuscated2 handshake: a 64-byte random header whose bytes 8..56 seed AES-256-CTR in both directions
/// (client to server: key hdr[8:40], iv hdr[40:56]; the other way: the same 48 bytes reversed). Bytes 56..59 carry
/// the framing's tag and 60..61 the DC id, and only bytes 56..63 travel encrypted. With an MTProxy secret each key
/// becomes SHA256(key + secret).
/// </summary>
public static class Obfuscated2
{
    public const int HeaderLength = 64;

    // First words a header must not start with, or middleboxes and the server would take it for another protocol:
    // HEAD, POST, GET , OPTI, a TLS record, the padded/intermediate tags, and PVrG (seen as HTTP/2-like by some).
    private static readonly uint[] s_forbiddenFirstWords =
        [0x44414548, 0x54534f50, 0x20544547, 0x4954504f, 0x02010316, 0xdddddddd, 0xeeeeeeee, 0x47725650];

    /// <summary>Client side: the header to send and the two stream ciphers (the encryptor already past the header).</summary>
    public static (byte[] Header, AesCtr Encryptor, AesCtr Decryptor) CreateClientHeader(uint tag, short dcId, ReadOnlySpan<byte> secret, RandomFill fillRandom)
    {
        ArgumentNullException.ThrowIfNull(fillRandom);
        var header = new byte[HeaderLength];
        do
        {
            fillRandom(header);
        }
        while (!IsAcceptableRandomHeader(header));

        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(56), tag);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(60), dcId);
        var (encryptor, decryptor) = CreateCiphers(header, secret, server: false);
        var encrypted = (byte[])header.Clone();
        encryptor.Transform(encrypted);
        encrypted.AsSpan(56, 8).CopyTo(header.AsSpan(56));
        return (header, encryptor, decryptor);
    }

    public static (byte[] Header, AesCtr Encryptor, AesCtr Decryptor) CreateClientHeader(uint tag, short dcId, ReadOnlySpan<byte> secret) =>
        CreateClientHeader(tag, dcId, secret, static buffer => RandomNumberGenerator.Fill(buffer));

    /// <summary>Server side: reads a received header, returns the tag and DC id it carries and the server's ciphers.</summary>
    public static (uint Tag, short DcId, AesCtr Encryptor, AesCtr Decryptor) AcceptHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> secret)
    {
        if (header.Length != HeaderLength)
        {
            throw new TransportException("An obfuscated2 header is 64 bytes.");
        }

        var (encryptor, decryptor) = CreateCiphers(header, secret, server: true);
        var plain = header.ToArray();
        decryptor.Transform(plain);
        var tag = BinaryPrimitives.ReadUInt32LittleEndian(plain.AsSpan(56));
        if (tag is not (0xefefefef or 0xeeeeeeee or 0xdddddddd))
        {
            encryptor.Dispose();
            decryptor.Dispose();
            throw new TransportException(FormattableString.Invariant($"Obfuscated2 header carries unknown protocol tag 0x{tag:x8} (wrong secret?)."));
        }

        return (tag, BinaryPrimitives.ReadInt16LittleEndian(plain.AsSpan(60)), encryptor, decryptor);
    }

    internal static bool IsAcceptableRandomHeader(ReadOnlySpan<byte> header) =>
        header[0] != 0xef
        && Array.IndexOf(s_forbiddenFirstWords, BinaryPrimitives.ReadUInt32LittleEndian(header)) < 0
        && BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != 0;

    private static (AesCtr Encryptor, AesCtr Decryptor) CreateCiphers(ReadOnlySpan<byte> header, ReadOnlySpan<byte> secret, bool server)
    {
        Span<byte> reversed = stackalloc byte[48];
        header[8..56].CopyTo(reversed);
        reversed.Reverse();
        var forwardKey = DeriveKey(header[8..40], secret);
        var backwardKey = DeriveKey(reversed[..32], secret);
        var forward = new AesCtr(forwardKey, header[40..56]);
        var backward = new AesCtr(backwardKey, reversed[32..48]);
        return server ? (backward, forward) : (forward, backward);
    }

    private static byte[] DeriveKey(ReadOnlySpan<byte> key, ReadOnlySpan<byte> secret)
    {
        if (secret.IsEmpty)
        {
            return key.ToArray();
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(key);
        sha.AppendData(secret);
        return sha.GetHashAndReset();
    }
}
