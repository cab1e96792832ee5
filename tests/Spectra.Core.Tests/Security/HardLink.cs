using System.Runtime.InteropServices;

namespace Spectra.Core.Tests.Security;

/// <summary>.NET has no API for hard links; tests call libc link(2) directly.</summary>
internal static partial class HardLink
{
    public static void Create(string newName, string existing)
    {
        if (link(existing, newName) != 0)
        {
            throw new IOException($"link() failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int link(string oldpath, string newpath);
}
