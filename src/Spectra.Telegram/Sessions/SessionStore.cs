using System.Security.Cryptography;
using System.Text.Json;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Sessions;

/// <summary>
/// Writes and reads <see cref="SessionState"/> as AES-256-GCM ciphertext under a caller-supplied 32-byte key:
/// "SPTS" · version · nonce(12) · tag(16) · ciphertext, with the magic and version authenticated too. Auth keys never
/// touch the stream in plain text; a wrong key, a flipped bit or a truncated file is a <see cref="SessionStoreException"/>.
/// </summary>
public static class SessionStore
{
    public const int KeyLength = 32;
    private const byte Version = 1;
    private const int MaxPlaintext = 1 << 20;
    private static readonly byte[] s_magic = "SPTS"u8.ToArray();

    public static async Task SaveAsync(SessionState state, Stream destination, ReadOnlyMemory<byte> key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(destination);
        CheckKey(key.Span);
        var dto = new Dto(state.HomeDcId, state.UserId, state.Dcs.ToDictionary(kv => kv.Key, kv => new DcDto(kv.Value.AuthKey, kv.Value.Salt, kv.Value.TimeOffsetSeconds)));
        var plain = JsonSerializer.SerializeToUtf8Bytes(dto);
        var output = new byte[5 + 12 + 16 + plain.Length];
        s_magic.CopyTo(output, 0);
        output[4] = Version;
        var nonce = output.AsSpan(5, 12);
        RandomNumberGenerator.Fill(nonce);
        using (var gcm = new AesGcm(key.Span, 16))
        {
            gcm.Encrypt(nonce, plain, output.AsSpan(33), output.AsSpan(17, 16), output.AsSpan(0, 5));
        }

        CryptographicOperations.ZeroMemory(plain);
        await destination.WriteAsync(output, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<SessionState> LoadAsync(Stream source, ReadOnlyMemory<byte> key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckKey(key.Span);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxPlaintext + 33)
            {
                throw new SessionStoreException("The session data is larger than any session this library writes.");
            }

            buffer.Write(chunk, 0, read);
        }

        var data = buffer.ToArray();
        if (data.Length < 33 || !data.AsSpan(0, 4).SequenceEqual(s_magic))
        {
            throw new SessionStoreException("This is not a Spectra session file (missing 'SPTS' header or truncated).");
        }

        if (data[4] != Version)
        {
            throw new SessionStoreException(FormattableString.Invariant($"Session format version {data[4]} is not supported (expected {Version})."));
        }

        var plain = new byte[data.Length - 33];
        try
        {
            using var gcm = new AesGcm(key.Span, 16);
            gcm.Decrypt(data.AsSpan(5, 12), data.AsSpan(33), data.AsSpan(17, 16), plain, data.AsSpan(0, 5));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new SessionStoreException("The session could not be decrypted: the key is wrong or the file was modified.", ex);
        }

        try
        {
            var dto = JsonSerializer.Deserialize<Dto>(plain) ?? throw new SessionStoreException("The session file is empty.");
            var state = new SessionState { HomeDcId = dto.HomeDcId, UserId = dto.UserId };
            foreach (var (dc, value) in dto.Dcs ?? [])
            {
                if (value.AuthKey is not { Length: 256 })
                {
                    throw new SessionStoreException(FormattableString.Invariant($"The session's auth key for DC {dc} is not 256 bytes."));
                }

                state.Dcs[dc] = new DcSessionState { AuthKey = value.AuthKey, Salt = value.Salt, TimeOffsetSeconds = value.TimeOffsetSeconds };
            }

            return state;
        }
        catch (JsonException ex)
        {
            throw new SessionStoreException("The decrypted session is not in the expected format.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException("The session key must be 32 bytes (AES-256-GCM).", nameof(key));
        }
    }

    private sealed record Dto(int HomeDcId, long? UserId, Dictionary<int, DcDto>? Dcs);

    private sealed record DcDto(byte[] AuthKey, long Salt, int TimeOffsetSeconds);
}
