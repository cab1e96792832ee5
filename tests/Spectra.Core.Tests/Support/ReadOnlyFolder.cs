using System.Diagnostics;

namespace Spectra.Core.Tests.Support;

/// <summary>
/// Makes a folder one that this process really cannot create files in, or skips the test. Permission bits do not
/// bind root (the tests run as root in CI containers), so as root the folder gets the immutable attribute
/// (chattr +i), which binds root too; otherwise it is chmod 555. Whether it worked is tried, not assumed. Undone on
/// Dispose so the folder can be deleted.
/// </summary>
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly string _path;
    private readonly bool _attribute;

    private ReadOnlyFolder(string path, bool attribute)
    {
        _path = path;
        _attribute = attribute;
    }

    public static ReadOnlyFolder Make(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new SkipException("A folder is made read-only here with chattr or chmod (Linux, macOS).");
        }

        ReadOnlyFolder folder;
        if (Environment.IsPrivilegedProcess)
        {
            Skip.IfNot(Chattr("+i", path), "Running as root and chattr +i is not available on this file system.");
            folder = new ReadOnlyFolder(path, attribute: true);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            folder = new ReadOnlyFolder(path, attribute: false);
        }

        var probe = Path.Combine(path, "probe");
        try
        {
            File.WriteAllText(probe, "x");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return folder;
        }

        File.Delete(probe);
        folder.Dispose();
        Skip.If(true, "The folder stayed writable.");
        return folder;
    }

    public void Dispose()
    {
        if (_attribute)
        {
            Chattr("-i", _path);
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool Chattr(string change, string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [change, path])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
