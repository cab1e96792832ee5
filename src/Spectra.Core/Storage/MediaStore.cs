using System.Security.Cryptography;
using Spectra.Core.Errors;
using Spectra.Core.Security;
using Spectra.Core.Storage.Model;

namespace Spectra.Core.Storage;

/// <summary>
/// Content-addressed file store: a file lives at <c>&lt;root&gt;/&lt;first 2 hex&gt;/&lt;sha256&gt;</c> and is stored
/// once however many messages or channels share it. Writes are atomic: the content goes to a temporary file in the
/// root (same file system as the final place), is flushed to disk, and only then renamed into place, so a crash
/// leaves either no file or the whole file, never a truncated one under a valid hash. Nothing about the source's file
/// name ever reaches a path. Recording the file in the database is the writer's job (in the batch transaction).
/// </summary>
public sealed class MediaStore
{
    /// <summary>Prefix of in-flight temporary files; the integrity checker reports leftovers.</summary>
    public const string TemporaryPrefix = ".incoming-";

    private const int BufferSize = 128 * 1024;

    public MediaStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
    }

    public string RootDirectory { get; }

    /// <summary>Where a file with this hash is stored, relative to the root (forward slash).</summary>
    public static string RelativePathOf(string sha256)
    {
        if (!IsSha256(sha256))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }

        return sha256[..2] + "/" + sha256;
    }

    public static bool IsSha256(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>Full path of a stored file.</summary>
    public string FullPathOf(string sha256) =>
        Path.Combine(RootDirectory, sha256.Length >= 2 ? sha256[..2] : "__", sha256);

    /// <summary>
    /// Stores <paramref name="content"/> (read to its end) and returns its record. <paramref name="originalName"/>
    /// only helps guess a MIME type when <paramref name="mime"/> is not given.
    /// </summary>
    public async Task<MediaRecord> StoreAsync(Stream content, string? originalName, string? mime,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temporary = Path.Combine(RootDirectory, TemporaryPrefix + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            // Inside the try: a media folder that cannot be created (a read-only parent) is MediaWriteFailed too.
            Directory.CreateDirectory(RootDirectory);
            string sha256;
            long size;
            var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize,
                FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                // Data on disk before the rename makes it visible under its hash.
                output.Flush(flushToDisk: true);
                size = output.Length;
                sha256 = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
            }

            var relative = RelativePathOf(sha256);
            var target = FullPathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var existing = new FileInfo(target);
            if (existing.Exists && existing.Length == size)
            {
                File.Delete(temporary); // stored once: the same content is already there
            }
            else
            {
                // A different length under this hash can only be a damaged copy: the fresh one replaces it.
                File.Move(temporary, target, overwrite: true);
            }

            return new MediaRecord(sha256, size, mime ?? MimeTypes.FromFileName(originalName), relative);
        }
        catch (IOException ex)
        {
            TryDelete(temporary);
            throw new SpectraException("MediaWriteFailed", SpectraErrorCategory.WriteError,
                $"A media file could not be written to the media store: {ex.Message}",
                "Check free disk space and that the media directory is writable.",
                new ErrorLocation(RootDirectory), ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            TryDelete(temporary);
            throw new SpectraException("MediaWriteFailed", SpectraErrorCategory.PermissionDenied,
                "The media directory is not writable.", "Grant write access to the media directory or configure another one.",
                new ErrorLocation(RootDirectory), ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>The error id of a source file that cannot be read (see <see cref="StoreFileAsync"/>).</summary>
    public const string MediaSourceUnreadable = "MediaSourceUnreadable";

    /// <summary>
    /// Stores a copy of an existing regular file. Anything else is refused before it is opened: opening a FIFO
    /// blocks until something writes to it (an import would hang beyond the reach of Ctrl+C), and a device never
    /// ends. A file that cannot be read is MediaSourceUnreadable, about that one file, not the store.
    /// </summary>
    public async Task<MediaRecord> StoreFileAsync(string sourcePath, string? mime, CancellationToken cancellationToken = default)
    {
        if (FileIdentityReader.ForPath(sourcePath) is { IsRegularFile: false })
        {
            throw Unreadable(sourcePath, "it is not a regular file but a pipe, socket or device", null);
        }

        FileStream source;
        try
        {
            source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(sourcePath, ex.Message, ex);
        }

        await using (source.ConfigureAwait(false))
        {
            return await StoreAsync(source, Path.GetFileName(sourcePath), mime, cancellationToken).ConfigureAwait(false);
        }
    }

    private static SpectraException Unreadable(string path, string why, Exception? inner) =>
        new(MediaSourceUnreadable, SpectraErrorCategory.ReadError, $"The file {path} cannot be read: {why}",
            "Check the file's permissions and that it is an ordinary file; the message is stored without it.",
            new ErrorLocation(path), inner);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary file is reported by Test-SpectraDatabase, never mistaken for media.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
