using System.Runtime.InteropServices;

namespace Spectra.Core.Interop;

/// <summary>The few libc calls .NET does not expose: memory locking, link counts, directory fsync, cache eviction.</summary>
internal static partial class LibC
{
    private const string Library = "libc";

    /// <summary>dirfd meaning "relative to the working directory" for the *at() calls.</summary>
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtEmptyPath = 0x1000;
    public const uint StatxBasicStats = 0x7ff;
    public const int PosixFadvDontNeed = 4;

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int mlock(nint addr, nuint len);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int munlock(nint addr, nuint len);

    /// <summary>Linux (glibc 2.28+): its struct has one layout on every architecture, unlike struct stat.</summary>
    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport(Library, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int fsync(int fd);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Library)]
    internal static partial int posix_fadvise(int fd, long offset, long length, int advice);
}
