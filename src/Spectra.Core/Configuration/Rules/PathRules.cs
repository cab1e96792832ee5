using System.Text.RegularExpressions;

namespace Spectra.Core.Configuration.Rules;

/// <summary>Storage, log and session paths must not climb out with '..' nor point into operating-system directories.</summary>
internal static partial class PathRules
{
    private static readonly string[] s_unixSystemRoots = ["/etc", "/proc", "/sys", "/dev", "/boot"];

    public static IEnumerable<ConfigFinding> Check(LoadedConfig config)
    {
        var fields = new List<string> { "storage.database", "storage.media_dir", "logging.directory" };
        fields.AddRange(ConfigNodes.Items(config.Document, "accounts").Select(a => a.Path + ".session"));
        foreach (var field in fields)
        {
            if (ConfigNodes.String(ConfigNodes.At(config.Document, field)) is not { } value)
            {
                continue;
            }

            if (Problem(value) is { } problem)
            {
                yield return new ConfigFinding(ConfigCheck.Paths, FindingStatus.Fail, field, problem, config.OriginOf(field));
            }
        }
    }

    /// <summary>Why a path is unsafe, or null when it is fine.</summary>
    internal static string? Problem(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "The path contains a NUL character. Retype it.";
        }

        var segments = value.Replace('\\', '/').Split('/');
        if (segments.Any(segment => segment == ".."))
        {
            return "The path climbs out of its directory with '..'. Use a path without '..' (absolute, or relative to the working directory).";
        }

        // "//etc" and "/./etc" are /etc to the operating system: compare without empty and "." segments.
        var normalised = (segments[0].Length == 0 ? "/" : string.Empty) +
            string.Join('/', segments.Where(segment => segment.Length > 0 && segment != "."));

        if (s_unixSystemRoots.Any(root => normalised == root || normalised.StartsWith(root + "/", StringComparison.Ordinal)) ||
            WindowsSystem().IsMatch(normalised))
        {
            return "The path points into an operating-system directory. Choose a directory you own, e.g. under your home directory.";
        }

        return null;
    }

    [GeneratedRegex(@"^([A-Za-z]:/windows|%systemroot%|%windir%)(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex WindowsSystem();
}
