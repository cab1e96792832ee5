using Spectra.Core.Errors;

namespace Spectra.Core.Import;

/// <summary>
/// Turns a media path written in an export into a file inside the export folder, or refuses it. An export is
/// untrusted input: a path such as <c>../../etc/passwd</c>, an absolute path, a drive or UNC path, a control
/// character, or a symbolic link leading out of the folder must never make the importer read a file elsewhere.
/// </summary>
public static class ExportMediaPaths
{
    public static string Resolve(string exportRoot, string relativePath, ErrorLocation location)
    {
        if (relativePath.Length == 0 || relativePath.Length > 4096 || relativePath.Any(char.IsControl))
        {
            throw Refused("The media path is empty, too long or contains control characters.", location);
        }

        var segments = relativePath.Split('/', '\\');
        if (Path.IsPathRooted(relativePath) || relativePath.StartsWith('/') || relativePath.StartsWith('\\')
            || (relativePath.Length >= 2 && relativePath[1] == ':') || segments.Any(s => s == ".."))
        {
            throw Refused("The media path points outside the export folder.", location);
        }

        var root = Path.GetFullPath(exportRoot);
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, Path.Combine(segments)));
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            throw Refused("The media path points outside the export folder.", location);
        }

        // A link inside the folder may still lead out of it.
        var info = new FileInfo(full);
        if (info.Exists && info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is null || !Path.GetFullPath(target).StartsWith(rootWithSeparator, StringComparison.Ordinal))
            {
                throw Refused("The media path is a link that leads outside the export folder.", location);
            }
        }

        return full;
    }

    private static SpectraException Refused(string message, ErrorLocation location) =>
        new("ExportMediaPathRefused", SpectraErrorCategory.SecurityError, message,
            "Media paths in result.json must be relative paths inside the export folder (photos/..., files/...); "
            + "the message is imported without this file.", location);
}
