using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Spectra.Core.Interop;

namespace Spectra.Core.Security;

/// <summary>
/// Reads <see cref="FileIdentity"/>: statx on Linux (one struct layout on every architecture, unlike struct stat),
/// GetFileInformationByHandle on Windows (link count only). Returns null where neither is available (macOS, old
/// glibc), and callers then say in a warning what could not be checked.
/// </summary>
internal static class FileIdentityReader
{
    private const int StatxSize = 256;

    public static FileIdentity? ForPath(string path) =>
        OperatingSystem.IsLinux() ? Statx(LibC.AtFdCwd, path, LibC.AtSymlinkNoFollow) : null;

    public static unsafe FileIdentity? ForHandle(SafeFileHandle handle)
    {
        if (OperatingSystem.IsLinux())
        {
            var added = false;
            handle.DangerousAddRef(ref added);
            try
            {
                return Statx((int)handle.DangerousGetHandle(), string.Empty, LibC.AtEmptyPath);
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }

        if (OperatingSystem.IsWindows())
        {
            var info = stackalloc byte[52];
            try
            {
                if (Kernel32.GetFileInformationByHandle(handle, info))
                {
                    var span = new ReadOnlySpan<byte>(info, 52);
                    var volume = BinaryPrimitives.ReadUInt32LittleEndian(span[28..]);
                    var links = BinaryPrimitives.ReadUInt32LittleEndian(span[40..]);
                    var index = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(span[44..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(span[48..]);
                    return new FileIdentity(volume, 0, index, links, 0x8000);
                }
            }
            catch (EntryPointNotFoundException)
            {
                return null;
            }
        }

        return null;
    }

    private static unsafe FileIdentity? Statx(int dirfd, string path, int flags)
    {
        var buffer = stackalloc byte[StatxSize];
        try
        {
            if (LibC.statx(dirfd, path, flags, LibC.StatxBasicStats, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        // struct statx: nlink u32 @16, mode u16 @28, ino u64 @32, dev_major u32 @136, dev_minor u32 @140.
        var span = new ReadOnlySpan<byte>(buffer, StatxSize);
        // Native byte order, as the kernel wrote it.
        return new FileIdentity(
            MemoryMarshal.Read<uint>(span[136..]),
            MemoryMarshal.Read<uint>(span[140..]),
            MemoryMarshal.Read<ulong>(span[32..]),
            MemoryMarshal.Read<uint>(span[16..]),
            MemoryMarshal.Read<ushort>(span[28..]));
    }
}
