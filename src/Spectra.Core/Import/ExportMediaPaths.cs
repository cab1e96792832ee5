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

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(exportRoot));
        var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return WalkInside(root, rootWithSeparator, segments, location);
    }

    /// <summary>
    /// Walks the path one component at a time from the export folder, replacing every link (a linked folder on the
    /// way as much as a linked file at the end) by its target, which must lie inside the folder too; the walk then
    /// starts again from the folder along the target. The path returned has no link left in it, so opening it
    /// cannot take the importer anywhere the checks did not look.
    /// </summary>
    private static string WalkInside(string root, string rootWithSeparator, IEnumerable<string> segments, ErrorLocation location)
    {
        var pending = new Queue<string>(segments.Where(s => s.Length > 0 && s != "."));
        var current = root;
        var links = 0;
        while (pending.TryDequeue(out var segment))
        {
            var next = Path.Combine(current, segment);
            var linkTarget = new FileInfo(next).LinkTarget;
            if (linkTarget is null)
            {
                current = next;
                continue;
            }

            // As the kernel does (ELOOP), give up on a chain of links that does not end.
            if (++links > 40)
            {
                throw Refused("The media path goes through too many links.", location);
            }

            var target = Path.GetFullPath(linkTarget, current);
            if (target != root && !target.StartsWith(rootWithSeparator, StringComparison.Ordinal))
            {
                throw Refused("The media path goes through a link that leads outside the export folder.", location);
            }

            var rest = pending.ToArray();
            pending = new Queue<string>(Path.GetRelativePath(root, target).Split(Path.DirectorySeparatorChar)
                .Where(s => s.Length > 0 && s != ".").Concat(rest));
            current = root;
        }

        return current;
    }

    private static SpectraException Refused(string message, ErrorLocation location) =>
        new("ExportMediaPathRefused", SpectraErrorCategory.SecurityError, message,
            "Media paths in result.json must be relative paths inside the export folder (photos/..., files/...); "
            + "the message is imported without this file.", location);
}
