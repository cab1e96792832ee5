namespace Spectra.Core.Security;

/// <summary>One line of /proc/self/mountinfo: "id parent MAJ:MIN root mountpoint options [tags] - fstype source superoptions".</summary>
internal sealed record MountEntry(string MajorMinor, string MountPoint, string FileSystem, string Source, string Options)
{
    public static MountEntry? Parse(string line)
    {
        var fields = line.Split(' ');
        var separator = Array.IndexOf(fields, "-");
        if (fields.Length < 6 || separator < 6 || separator + 2 >= fields.Length)
        {
            return null;
        }

        var superOptions = separator + 3 < fields.Length ? fields[separator + 3] : string.Empty;
        return new MountEntry(fields[2], Unescape(fields[4]), fields[separator + 1], Unescape(fields[separator + 2]), fields[5] + "," + superOptions);
    }

    /// <summary>The kernel writes space, tab, newline and backslash in paths as octal escapes (\040...).</summary>
    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var result = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 3 < value.Length && IsOctal(value[i + 1]) && IsOctal(value[i + 2]) && IsOctal(value[i + 3]))
            {
                result.Append((char)(((value[i + 1] - '0') * 64) + ((value[i + 2] - '0') * 8) + (value[i + 3] - '0')));
                i += 3;
            }
            else
            {
                result.Append(value[i]);
            }
        }

        return result.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
