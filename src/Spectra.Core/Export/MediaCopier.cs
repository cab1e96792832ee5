using Spectra.Core.Errors;
using Spectra.Core.Import;
using Spectra.Core.Storage;

namespace Spectra.Core.Export;

/// <summary>
/// Copies files out of the content-addressed media store into an export folder. The relative path is checked again
/// (it came from an untrusted export once) so nothing is ever written outside the destination; two different files
/// claiming the same path are reported instead of silently overwriting each other.
/// </summary>
public sealed class MediaCopier
{
    private readonly MediaStore _store;
    private readonly string _root;

    public MediaCopier(MediaStore store, string destinationRoot)
    {
        _store = store;
        _root = Path.GetFullPath(destinationRoot);
    }

    /// <summary>Copies the file with <paramref name="sha256"/> to <paramref name="relativePath"/>; false when the store lacks it.</summary>
    public async Task<bool> CopyAsync(string sha256, string relativePath, ErrorLocation location, CancellationToken cancellationToken)
    {
        var target = ExportMediaPaths.Resolve(_root, relativePath, location);
        var source = _store.FullPathOf(sha256);
        if (!File.Exists(source))
        {
            return false;
        }

        var existing = new FileInfo(target);
        if (existing.Exists)
        {
            if (existing.Length == new FileInfo(source).Length)
            {
                return true; // the same file, written for an earlier message
            }

            throw new SpectraException("ExportMediaPathConflict", SpectraErrorCategory.WriteError,
                "Two different files claim the same path in the export; the second is left out.",
                "Export the chats separately (-Channel) into different folders.", location);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (input.ConfigureAwait(false))
        {
            var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }
        }

        return true;
    }
}
