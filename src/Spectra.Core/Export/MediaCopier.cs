using System.Security.Cryptography;
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
    /// <summary>The error id of a path already taken by another file.</summary>
    public const string ConflictId = "ExportMediaPathConflict";

    private readonly MediaStore _store;
    private readonly string _root;
    private readonly Dictionary<string, string> _contents = new(StringComparer.Ordinal);

    private readonly HashSet<string> _reserved;

    /// <summary>Copies into <paramref name="destinationRoot"/>; <paramref name="reserved"/> are files the export writes itself (result.json), which a media path naming one conflicts with.</summary>
    public MediaCopier(MediaStore store, string destinationRoot, params string[] reserved)
    {
        _store = store;
        _root = Path.GetFullPath(destinationRoot);
        _reserved = new HashSet<string>(reserved.Select(Path.GetFullPath), StringComparer.Ordinal);
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

        if (_reserved.Contains(target) || File.Exists(target))
        {
            // Equal lengths prove nothing: a different file of the same size would be taken for this one, and the
            // export would link it in place of the right one without a word.
            if (!_reserved.Contains(target) && await ContentOfAsync(target, cancellationToken).ConfigureAwait(false) == sha256)
            {
                return true; // the same file, written for an earlier message or by an earlier export
            }

            throw new SpectraException(ConflictId, SpectraErrorCategory.WriteError,
                "Two different files claim the same path in the export; the second is left out.",
                "Export the chats separately (-Channel) into different folders.", location);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // Copied under another name and moved into place once complete: a copy cut off by Ctrl+C or a full disk must
        // not stay behind under the file's real name, looking exported. The name is random: another file of the
        // export may be called <name>.partial.
        var partial = $"{target}.{Path.GetRandomFileName()}.partial";
        try
        {
            var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (input.ConfigureAwait(false))
            {
                var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                await using (output.ConfigureAwait(false))
                {
                    await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(partial, target);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        _contents[target] = sha256;
        return true;
    }

    /// <summary>The SHA-256 of a file already in the export; remembered, so a file linked by many messages is read once.</summary>
    private async Task<string> ContentOfAsync(string path, CancellationToken cancellationToken)
    {
        if (!_contents.TryGetValue(path, out var sha256))
        {
            var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (input.ConfigureAwait(false))
            {
                sha256 = Convert.ToHexString(await SHA256.HashDataAsync(input, cancellationToken).ConfigureAwait(false)).ToLowerInvariant();
            }

            _contents[path] = sha256;
        }

        return sha256;
    }
}
