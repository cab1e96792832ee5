namespace Spectra.Core.Configuration.Rules;

/// <summary>
/// Credentials that are published, so using them is either a copy-paste mistake or borrowing someone else's app:
/// the Telethon README sample (12345 / 0123456789abcdef0123456789abcdef), the original tool's placeholder (123456),
/// Telegram Desktop's documented TEST ONLY pair (17349), and official-client pairs that circulate in public code
/// (Android 6, Desktop 2040, iOS 10840, macOS 2496, 94575). Telegram limits or bans accounts that log in with them.
/// </summary>
internal static class SampleCredentials
{
    private static readonly HashSet<long> s_ids = [12345, 123456, 17349, 6, 2040, 10840, 2496, 94575];

    private static readonly HashSet<string> s_hashes = new(StringComparer.OrdinalIgnoreCase)
    {
        "0123456789abcdef0123456789abcdef",
        "344583e45741c457fe1862106095a5eb",
        "eb06d4abfb49dc3eeb1aeb98ae0f581e",
        "b18441a1ff607e10a989891a5462e627",
        "33c45224029d59cb3ad0c16576128f81",
        "8da85b0d5bfe62527e5b244c209159c3",
        "a3406de8d171bb422bb6ddf3bbd800e2",
        "abcdef0123456789abcdef0123456789",
        "fedcba9876543210fedcba9876543210",
    };

    private static readonly HashSet<string> s_phones = ["+1234567890", "+12345678901", "+123456789", "+15555555555", "+10000000000"];

    private static readonly HashSet<string> s_passwords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PROXY_PASS", "password", "changeme", "change_me", "secret", "your_password", "pass", "123456",
    };

    public static bool IsSampleId(long id) => s_ids.Contains(id);

    /// <summary>A published hash, or an obviously made-up one (one repeated character).</summary>
    public static bool IsSampleHash(string hash) =>
        s_hashes.Contains(hash) || (hash.Length > 0 && hash.All(c => char.ToLowerInvariant(c) == char.ToLowerInvariant(hash[0])));

    public static bool IsSamplePhone(string phone) => s_phones.Contains(phone);

    public static bool IsSamplePassword(string password) => s_passwords.Contains(password) ||
        password.StartsWith("your_", StringComparison.OrdinalIgnoreCase) || password.StartsWith('<');
}
