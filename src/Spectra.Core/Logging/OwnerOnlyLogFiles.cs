using System.Text;
using Serilog.Sinks.File;

namespace Spectra.Core.Logging;

/// <summary>
/// Makes each log file readable and writable by its owner only (0600) on Unix as Serilog opens it. Logs name archive
/// paths and chat titles, and a file created with the usual umask (0644) would be readable by anyone who can enter
/// the folder, which for a configured folder Spectra does not tighten may be everyone.
/// </summary>
internal sealed class OwnerOnlyLogFiles : FileLifecycleHooks
{
    public static readonly OwnerOnlyLogFiles Instance = new();

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private OwnerOnlyLogFiles()
    {
    }

    public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding)
    {
        if (!OperatingSystem.IsWindows())
        {
            // By path: with a size limit Serilog hands over a counting wrapper, not the FileStream. Runs on every open,
            // so a file an older version left 0644 is tightened when it is next written.
            File.SetUnixFileMode(path, OwnerReadWrite);
        }

        return underlyingStream;
    }
}
