using System.Text;

namespace Spectra.Core.Storage;

/// <summary>
/// Turns a file name from an untrusted source (a Telegram document attribute, an export folder) into harmless
/// metadata. The result is stored and shown, never used to choose where a file lands (the media store places files by
/// hash), but it is still made safe for users who later save a file under its original name.
/// </summary>
public static class FileNameSanitizer
{
    /// <summary>Longest name kept, in UTF-8 bytes: the common file-system limit.</summary>
    public const int MaxBytes = 255;

    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>A safe single file name, or null when nothing usable is left.</summary>
    public static string? Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // Only the last path segment: directories in a name are never honoured, whatever the separator.
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        var segment = lastSeparator >= 0 ? name[(lastSeparator + 1)..] : name;

        var builder = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E' or '\u202D')
            {
                continue; // control characters and bidi overrides that disguise extensions
            }

            builder.Append(c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : c);
        }

        var cleaned = builder.ToString().Trim().TrimEnd('.', ' ');
        if (cleaned.Length == 0 || cleaned.All(c => c == '.'))
        {
            return null;
        }

        var dot = cleaned.IndexOf('.', StringComparison.Ordinal);
        var stem = dot > 0 ? cleaned[..dot] : cleaned;
        if (s_reserved.Contains(stem.TrimEnd(' ')))
        {
            cleaned = "_" + cleaned;
        }

        return Truncate(cleaned);
    }

    private static string Truncate(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxBytes)
        {
            return name;
        }

        // Keep a short extension so the type stays recognisable; cut the stem on a character boundary.
        var lastDot = name.LastIndexOf('.');
        var extension = lastDot > 0 && name.Length - lastDot <= 16 ? name[lastDot..] : string.Empty;
        var stem = name[..(name.Length - extension.Length)];
        var budget = MaxBytes - Encoding.UTF8.GetByteCount(extension);
        var length = 0;
        var bytes = 0;
        while (length < stem.Length)
        {
            var step = char.IsHighSurrogate(stem[length]) && length + 1 < stem.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(stem.AsSpan(length, step));
            if (bytes + size > budget)
            {
                break;
            }

            bytes += size;
            length += step;
        }

        return stem[..length].TrimEnd('.', ' ') + extension;
    }
}
