namespace Spectra.Core.Logging;

/// <summary>
/// Property and field names whose values are secrets whatever they hold. Names are compared with case, '_' and '-'
/// ignored, so ApiHash, api_hash and API-HASH are one name. Over-redaction (a harmless "TokenCount") is the safe side.
/// </summary>
public static class SecretNames
{
    private static readonly string[] Exact = ["code", "logincode", "phonecode", "authcode", "verificationcode", "pin", "otp", "2fa", "twofa", "pwd", "credentials"];

    private static readonly string[] Contained = ["apihash", "apikey", "password", "passwd", "passphrase", "secret", "token", "phone", "session", "authkey", "privatekey", "cookie"];

    public static bool IsSecret(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        Span<char> buffer = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c is not ('_' or '-' or '.' or ' '))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        ReadOnlySpan<char> normalised = buffer[..length];
        foreach (var exact in Exact)
        {
            if (normalised.SequenceEqual(exact))
            {
                return true;
            }
        }

        foreach (var part in Contained)
        {
            if (normalised.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
