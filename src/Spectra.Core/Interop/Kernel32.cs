using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Spectra.Core.Interop;

/// <summary>Windows counterparts of the libc calls in <see cref="LibC"/>.</summary>
internal static partial class Kernel32
{
    private const string Library = "kernel32.dll";

    [LibraryImport(Library, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool VirtualLock(nint address, nuint size);

    [LibraryImport(Library, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool VirtualUnlock(nint address, nuint size);

    /// <summary>Fills BY_HANDLE_FILE_INFORMATION (52 bytes); nNumberOfLinks is the uint at offset 40.</summary>
    [LibraryImport(Library, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static unsafe partial bool GetFileInformationByHandle(SafeFileHandle file, byte* information);
}
