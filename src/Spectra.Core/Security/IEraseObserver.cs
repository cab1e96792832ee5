using Microsoft.Win32.SafeHandles;

namespace Spectra.Core.Security;

/// <summary>
/// Test hook: sees the file between steps, so tests can read each pass back or tamper with it. It gets the eraser's own
/// handle because the eraser holds the file exclusively (an advisory lock on Unix) while it works.
/// </summary>
internal interface IEraseObserver
{
    void PassCompleted(SafeFileHandle file, int passIndex, ErasePattern pattern);

    void BeforeVerify(SafeFileHandle file);

    void Renamed(string originalPath, string renamedPath);
}
