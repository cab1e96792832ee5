using System.Text;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Transport;

/// <summary>
/// An MTProxy secret (hex or URL-safe base64, as in tg://proxy links): 16 bytes (plain obfuscated2), `dd` + 16 bytes
/// (obfuscated2 that must use padded intermediate), or `ee` + 16 bytes + domain (fake-TLS). Fake-TLS is recognised
/// but not implemented: <see cref="Parse"/> reports it clearly instead of connecting with a protocol that would fail.
/// </summary>
public sealed class MtProxySecret
{
    private MtProxySecret(byte[] key, bool requiresPadding)
    {
        Key = key;
        RequiresPadding = requiresPadding;
    }

    /// <summary>The 16 bytes mixed into the obfuscated2 keys.</summary>
    public ReadOnlyMemory<byte> Key { get; }

    /// <summary>True for `dd` secrets: the proxy only accepts padded intermediate framing.</summary>
    public bool RequiresPadding { get; }

    public static MtProxySecret Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Decode(text.Trim());
        if (bytes.Length == 16)
        {
            return new MtProxySecret(bytes, requiresPadding: false);
        }

        if (bytes.Length == 17 && bytes[0] == 0xdd)
        {
            return new MtProxySecret(bytes[1..], requiresPadding: true);
        }

        if (bytes.Length > 17 && bytes[0] == 0xee)
        {
            var domain = Encoding.ASCII.GetString(bytes, 17, bytes.Length - 17);
            throw new ProxyException("MTProxy fake-TLS ('ee') secrets are not supported yet (domain '" + domain + "'); ask the proxy owner for a 'dd' secret.");
        }

        throw new ProxyException(FormattableString.Invariant($"An MTProxy secret is 16 bytes, 'dd' + 16 bytes or 'ee' + 16 bytes + domain; this one decodes to {bytes.Length} bytes."));
    }

    public override string ToString() => RequiresPadding ? "MtProxySecret(dd, padded)" : "MtProxySecret(plain)";

    private static byte[] Decode(string text)
    {
        if (text.Length % 2 == 0 && text.All(Uri.IsHexDigit))
        {
            return Convert.FromHexString(text);
        }

        try
        {
            var b64 = text.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            return Convert.FromBase64String(b64);
        }
        catch (FormatException)
        {
            throw new ProxyException("The MTProxy secret is neither hex nor base64.");
        }
    }
}
