using Spectra.Core.Interop;

namespace Spectra.Core.Security;

/// <summary>
/// Flushes a directory's entries to disk after a rename or unlink, so a crash cannot bring back the old name. Unix
/// only: Windows has no way to open a directory for flushing, and NTFS journals its metadata itself.
/// </summary>
internal static class DirectorySync
{
    /// <summary>Returns false if the flush was attempted and refused (some file systems reject fsync on directories).</summary>
    public static bool TryFlush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        try
        {
            var fd = LibC.open(directory, 0);
            if (fd < 0)
            {
                return false;
            }

            try
            {
                return LibC.fsync(fd) == 0;
            }
            finally
            {
                LibC.close(fd);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
