using System.Runtime.InteropServices;

namespace Spectra.Core.Tests.Security;

/// <summary>.NET has no API for hard links or FIFOs; tests call libc link(2) and mkfifo(3) directly.</summary>
internal static partial class HardLink
{
    public static void Create(string newName, string existing)
    {
        if (link(existing, newName) != 0)
        {
            throw new IOException($"link() failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public static void CreateFifo(string path)
    {
        if (mkfifo(path, Convert.ToUInt32("600", 8)) != 0)
        {
            throw new IOException($"mkfifo() failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link(string oldpath, string newpath);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkfifo(string path, uint mode);
}
