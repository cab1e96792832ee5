using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using Serilog;
using Spectra.Core.Errors;
using Spectra.Core.Hosting;
using Spectra.Core.Interop;
using Spectra.Core.Logging;

namespace Spectra.Core.Security;

/// <summary>
/// Overwrites files before deleting them: each pass written in large blocks and flushed to disk, the last (random)
/// pass read back and compared, then the file truncated, renamed to a random name in its directory (the directory
/// flushed) and unlinked. Symbolic links are removed as links, never followed. Files with other hard links and
/// read-only files need <see cref="SecureEraseOptions.Force"/>. Where the storage makes overwriting unreliable, the
/// result says so in its warnings instead of pretending.
/// </summary>
public sealed class SecureFileEraser : IDisposable
{
    private const int ProgressActivity = 4711;
    private const long ProgressThreshold = 4L * 1024 * 1024;
    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ILogger _log;
    private readonly StorageInspector _storage;
    private readonly IEraseObserver? _observer;
    private IDisposable? _ownedLogger;

    public SecureFileEraser(ILogger? logger = null)
        : this(logger, new StorageInspector(), null)
    {
    }

    internal SecureFileEraser(ILogger? logger, StorageInspector storage, IEraseObserver? observer)
    {
        _log = logger ?? Serilog.Core.Logger.None;
        _storage = storage;
        _observer = observer;
    }

    /// <summary>
    /// An eraser whose debug log goes, redacted, to <paramref name="host"/> (in PowerShell: the cmdlet's Debug stream).
    /// Callers outside the engine never touch Serilog types, which live only in the engine's load context.
    /// </summary>
    public static SecureFileEraser ForHost(IHostMessageSink host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var logger = SpectraLogging.CreateLogger(new LoggingOptions { Level = Serilog.Events.LogEventLevel.Debug }, host);
        return new SecureFileEraser(logger) { _ownedLogger = logger };
    }

    public void Dispose() => _ownedLogger?.Dispose();

    /// <summary>
    /// Erases a file, removes a link, or (with <see cref="SecureEraseOptions.Recurse"/>) erases a directory tree.
    /// Every file yields either a result or an error; an error for one file never stops the others.
    /// </summary>
    public void Erase(string path, SecureEraseOptions options, Action<SecureEraseResult> onResult, Action<SpectraException> onError,
        IHostMessageSink? host = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onResult);
        ArgumentNullException.ThrowIfNull(onError);
        ValidatePasses(options.Passes);
        var full = FullPath(path);
        if (!options.Recurse && IsDirectory(full))
        {
            onError(new SpectraException(SecureDeleteErrors.DirectoryNeedsRecurse, SpectraErrorCategory.InvalidOperation,
                $"'{full}' is a directory.", "Add -Recurse to erase every file under it and remove the directory."));
            return;
        }

        EraseEntry(full, options, onResult, onError, host, cancellationToken);
    }

    /// <summary>
    /// The absolute path the eraser works on, without trailing separators: with one ("dirlink/") the OS resolves a
    /// link to a directory, so the link would look like the directory it points to and its target would be erased.
    /// </summary>
    public static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>True for a directory the eraser descends into: a real one, never a link to one (however the path is written).</summary>
    public static bool IsDirectory(string path)
    {
        var full = FullPath(path);
        return new FileInfo(full).LinkTarget is null && Directory.Exists(full);
    }

    /// <summary>Erases one file (or removes one link). Throws <see cref="SpectraException"/> when it cannot.</summary>
    public SecureEraseResult EraseFile(string path, SecureEraseOptions options, IHostMessageSink? host = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ValidatePasses(options.Passes);
        var full = FullPath(path);
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            return RemoveLink(info);
        }

        if (Directory.Exists(full))
        {
            throw new SpectraException(SecureDeleteErrors.DirectoryNeedsRecurse, SpectraErrorCategory.InvalidOperation,
                $"'{full}' is a directory.", "Add -Recurse to erase every file under it and remove the directory.");
        }

        if (!info.Exists)
        {
            throw new SpectraException(SecureDeleteErrors.PathNotFound, SpectraErrorCategory.ObjectNotFound,
                $"'{full}' does not exist.", "Check the path; use -LiteralPath for names containing wildcard characters.");
        }

        try
        {
            return Overwrite(info, options, host, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SecureDeleteErrors.Failed,
                ex is UnauthorizedAccessException ? SpectraErrorCategory.PermissionDenied : SpectraErrorCategory.WriteError,
                $"Could not erase '{full}': {Redactor.Redact(ex.Message)}",
                "Check that the file is not open in another program and that you may write to it and its directory.",
                innerException: ex);
        }
    }

    private SecureEraseResult Overwrite(FileInfo info, SecureEraseOptions options, IHostMessageSink? host, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var full = info.FullName;
        var directory = info.DirectoryName ?? Path.GetDirectoryName(full) ?? ".";
        var warnings = new List<string>();
        var pathIdentity = FileIdentityReader.ForPath(full);
        if (pathIdentity is { IsRegularFile: false })
        {
            throw new SpectraException(SecureDeleteErrors.NotRegularFile, SpectraErrorCategory.InvalidArgument,
                $"'{full}' is not a regular file (a device, pipe or socket).", "Secure deletion only erases regular files; remove special files with Remove-Item.");
        }

        MakeWritable(info, options);
        var passesWritten = 0;
        var verified = false;
        long size;
        using (var handle = File.OpenHandle(full, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        using (var stream = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0))
        {
            CheckIdentity(full, pathIdentity, FileIdentityReader.ForHandle(handle), options, warnings);
            size = RandomAccess.GetLength(handle);
            warnings.AddRange(_storage.WarningsFor(directory));
            if (size > 0)
            {
                using var keyStream = new KeyStream();
                var plan = ErasePlan.For(options.Passes);
                var showProgress = host is not null && size >= ProgressThreshold;
                try
                {
                    for (var pass = 0; pass < plan.Count; pass++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (showProgress)
                        {
                            host!.Progress(new ProgressInfo(ProgressActivity, "Secure deletion", $"{info.Name}: pass {pass + 1} of {plan.Count} ({plan[pass]})",
                                (int)(100L * pass / (plan.Count + 1))));
                        }

                        WritePass(handle, plan[pass], keyStream, size, options.BlockSize, cancellationToken);
                        stream.Flush(flushToDisk: true);
                        passesWritten++;
                        _log.Debug("Secure deletion pass {Pass}/{Passes} ({Pattern}) flushed for {Path}", pass + 1, plan.Count, plan[pass], full);
                        _observer?.PassCompleted(handle, pass, plan[pass]);
                    }

                    if (showProgress)
                    {
                        host!.Progress(new ProgressInfo(ProgressActivity, "Secure deletion", $"{info.Name}: verifying", (int)(100L * plan.Count / (plan.Count + 1))));
                    }

                    _observer?.BeforeVerify(handle);
                    verified = Verify(handle, keyStream, size, options.BlockSize, cancellationToken);
                }
                finally
                {
                    // Close the bar whatever happened, so a failed file does not leave it on screen.
                    if (showProgress)
                    {
                        host!.Progress(new ProgressInfo(ProgressActivity, "Secure deletion", info.Name, 100, Completed: true));
                    }
                }

                if (!verified)
                {
                    throw new SpectraException(SecureDeleteErrors.VerificationFailed, SpectraErrorCategory.WriteError,
                        $"Reading back the last pass of '{full}' did not return what was written; the file was kept.",
                        "Run the command again; if it keeps failing, check the disk (it may be failing or redirecting writes).");
                }
            }

            RandomAccess.SetLength(handle, 0);
            stream.Flush(flushToDisk: true);
        }

        RenameAndDelete(full, directory, warnings);
        _log.Debug("Secure deletion of {Path} done: {Size} bytes, {Passes} passes, verified {Verified}", full, size, passesWritten, verified);
        return new SecureEraseResult(full, size, passesWritten, verified, stopwatch.Elapsed, warnings);
    }

    private static void MakeWritable(FileInfo info, SecureEraseOptions options)
    {
        var readOnly = OperatingSystem.IsWindows()
            ? info.IsReadOnly
            : (File.GetUnixFileMode(info.FullName) & UnixFileMode.UserWrite) == 0;
        if (!readOnly)
        {
            return;
        }

        if (!options.Force)
        {
            throw new SpectraException(SecureDeleteErrors.ReadOnlyRefused, SpectraErrorCategory.PermissionDenied,
                $"'{info.FullName}' is read-only.", "Add -Force to erase read-only files.");
        }

        if (OperatingSystem.IsWindows())
        {
            info.IsReadOnly = false;
        }
        else
        {
            File.SetUnixFileMode(info.FullName, File.GetUnixFileMode(info.FullName) | UnixFileMode.UserWrite);
        }
    }

    private static void CheckIdentity(string full, FileIdentity? atPath, FileIdentity? opened, SecureEraseOptions options, List<string> warnings)
    {
        // Between the link check and the open, the name could have been swapped for a link to another file.
        if (atPath is { } before && opened is { } after && !before.SameFileAs(after))
        {
            throw new SpectraException(SecureDeleteErrors.FileChanged, SpectraErrorCategory.InvalidOperation,
                $"'{full}' was replaced while it was being opened; nothing was overwritten.", "Check who else is changing this directory, then run the command again.");
        }

        var identity = opened ?? atPath;
        if (identity is null)
        {
            warnings.Add("The number of hard links could not be checked on this platform; if the file has other names, they still lead to its (now overwritten) data.");
            return;
        }

        var others = identity.Value.LinkCount - 1;
        if (others <= 0)
        {
            return;
        }

        if (!options.Force)
        {
            throw new SpectraException(SecureDeleteErrors.HardLinkRefused, SpectraErrorCategory.SecurityError,
                $"'{full}' has {others} other hard link(s): deleting this name would leave the data reachable.",
                "Erase all names of the file, or add -Force to overwrite the data now (the other names stay, as an empty file).");
        }

        warnings.Add($"The file had {others} other hard link(s): its data was overwritten and truncated, but those names still exist (as an empty file).");
    }

    private static void WritePass(SafeFileHandle handle, ErasePattern pattern, KeyStream keyStream, long size, int blockSize, CancellationToken cancellationToken)
    {
        var block = (int)Math.Min(blockSize, size);
        var buffer = GC.AllocateUninitializedArray<byte>(block);
        if (pattern != ErasePattern.Random)
        {
            buffer.AsSpan().Fill(pattern == ErasePattern.Zeros ? (byte)0x00 : (byte)0xFF);
        }

        for (long offset = 0; offset < size; offset += block)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = buffer.AsSpan(0, (int)Math.Min(block, size - offset));
            if (pattern == ErasePattern.Random)
            {
                keyStream.Generate(offset, span);
            }

            RandomAccess.Write(handle, span, offset);
        }
    }

    private static bool Verify(SafeFileHandle handle, KeyStream keyStream, long size, int blockSize, CancellationToken cancellationToken)
    {
        DropCache(handle);
        var block = (int)Math.Min(blockSize, size);
        var expected = GC.AllocateUninitializedArray<byte>(block);
        var actual = GC.AllocateUninitializedArray<byte>(block);
        for (long offset = 0; offset < size; offset += block)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = (int)Math.Min(block, size - offset);
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(handle, actual.AsSpan(read, length - read), offset + read);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            keyStream.Generate(offset, expected.AsSpan(0, length));
            if (!expected.AsSpan(0, length).SequenceEqual(actual.AsSpan(0, length)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>On Linux, drops the file's clean pages so the read-back comes from the device, not from memory.</summary>
    private static void DropCache(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = LibC.posix_fadvise((int)handle.DangerousGetHandle(), 0, 0, LibC.PosixFadvDontNeed);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Verification still runs; it may then be answered from the page cache.
        }
    }

    private void RenameAndDelete(string full, string directory, List<string> warnings)
    {
        // The old name may itself be sensitive ("passport-scan.pdf"); replace it before the entry is freed.
        var renamed = full;
        for (var attempt = 0; attempt < 5 && renamed == full; attempt++)
        {
            var candidate = Path.Combine(directory, RandomNumberGenerator.GetString(NameAlphabet, Math.Clamp(Path.GetFileName(full).Length, 8, 32)));
            if (!File.Exists(candidate) && !Directory.Exists(candidate))
            {
                File.Move(full, candidate);
                renamed = candidate;
            }
        }

        if (renamed == full)
        {
            warnings.Add("The file could not be renamed to a random name before deletion; its original name may remain in the directory's free space.");
        }
        else
        {
            _observer?.Renamed(full, renamed);
        }

        var flushed = DirectorySync.TryFlush(directory);
        File.Delete(renamed);
        flushed &= DirectorySync.TryFlush(directory);
        if (!flushed)
        {
            warnings.Add("The directory could not be flushed to disk after the rename and delete; after a crash the old entry might reappear.");
        }
    }

    private SecureEraseResult RemoveLink(FileSystemInfo link)
    {
        var stopwatch = Stopwatch.StartNew();
        var target = link.LinkTarget;
        if ((link.Attributes & FileAttributes.Directory) != 0)
        {
            Directory.Delete(link.FullName);
        }
        else
        {
            File.Delete(link.FullName);
        }

        DirectorySync.TryFlush(Path.GetDirectoryName(link.FullName) ?? ".");
        _log.Debug("Removed symbolic link {Path} without touching its target", link.FullName);
        return new SecureEraseResult(link.FullName, 0, 0, false, stopwatch.Elapsed,
            [$"'{link.FullName}' is a symbolic link: the link was removed, its target '{target}' was not touched."]);
    }

    /// <summary>
    /// The one place that decides between descending and erasing (or unlinking): every path, the one given and each
    /// entry of a walk, is classified here from the file system at that moment, so no walk enters a linked directory.
    /// </summary>
    private void EraseEntry(string full, SecureEraseOptions options, Action<SecureEraseResult> onResult, Action<SpectraException> onError,
        IHostMessageSink? host, CancellationToken cancellationToken)
    {
        if (IsDirectory(full))
        {
            EraseTree(full, options, onResult, onError, host, cancellationToken);
        }
        else
        {
            Report(() => EraseFile(full, options, host, cancellationToken), onResult, onError, full);
        }
    }

    private void EraseTree(string directory, SecureEraseOptions options, Action<SecureEraseResult> onResult, Action<SpectraException> onError,
        IHostMessageSink? host, CancellationToken cancellationToken)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions
            {
                AttributesToSkip = 0,
                IgnoreInaccessible = false,
                RecurseSubdirectories = false,
            }).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            onError(new SpectraException(SecureDeleteErrors.Failed, SpectraErrorCategory.ReadError,
                $"Could not list '{directory}': {ex.Message}", "Check that you may read the directory.", innerException: ex));
            return;
        }

        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            EraseEntry(entry.FullName, options, onResult, onError, host, cancellationToken);
        }

        RemoveEmptyDirectory(directory, onError);
    }

    private void RemoveEmptyDirectory(string directory, Action<SpectraException> onError)
    {
        if (Directory.EnumerateFileSystemEntries(directory).Any())
        {
            // Something in it could not be erased and was reported; the directory stays so nothing is lost silently.
            return;
        }

        try
        {
            var parent = Path.GetDirectoryName(directory) ?? ".";
            var renamed = Path.Combine(parent, RandomNumberGenerator.GetString(NameAlphabet, 12));
            Directory.Move(directory, renamed);
            Directory.Delete(renamed);
            DirectorySync.TryFlush(parent);
            _log.Debug("Removed directory {Path}", directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            onError(new SpectraException(SecureDeleteErrors.Failed, SpectraErrorCategory.WriteError,
                $"Erased the files in '{directory}' but could not remove the directory: {ex.Message}", "Remove the empty directory with Remove-Item.", innerException: ex));
        }
    }

    private static void Report(Func<SecureEraseResult> erase, Action<SecureEraseResult> onResult, Action<SpectraException> onError, string path)
    {
        SecureEraseResult result;
        try
        {
            result = erase();
        }
        catch (SpectraException ex)
        {
            onError(ex);
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            onError(new SpectraException(SecureDeleteErrors.Failed, SpectraErrorCategory.WriteError,
                $"Could not erase '{path}': {Redactor.Redact(ex.Message)}", "Check permissions and whether another program holds the file open.", innerException: ex));
            return;
        }

        onResult(result);
    }

    private static void ValidatePasses(int passes)
    {
        if (passes is < 1 or > SecureEraseOptions.MaxPasses)
        {
            throw new SpectraException(SecureDeleteErrors.InvalidPasses, SpectraErrorCategory.InvalidArgument,
                $"Passes must be between 1 and {SecureEraseOptions.MaxPasses}; got {passes}.", "Use the default of 3 (0x00, 0xFF, random).");
        }
    }
}
