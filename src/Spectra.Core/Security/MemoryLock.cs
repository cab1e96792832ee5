using System.Runtime.InteropServices;
using Spectra.Core.Interop;

namespace Spectra.Core.Security;

/// <summary>
/// Keeps pinned buffers out of swap: mlock on Linux and macOS, VirtualLock on Windows. Best effort only: limits
/// (RLIMIT_MEMLOCK, working-set quotas) or a missing entry point make it return false, never throw. Locks work on whole
/// pages, and page locks do not nest, so unlocking one secret may unlock a neighbour sharing its page; secrets are
/// small and short-lived, which keeps that window small.
/// </summary>
internal static class MemoryLock
{
    public static unsafe bool TryLock(byte[] pinned)
    {
        if (pinned.Length == 0)
        {
            return false;
        }

        try
        {
            fixed (byte* p = pinned)
            {
                return OperatingSystem.IsWindows()
                    ? Kernel32.VirtualLock((nint)p, (nuint)pinned.Length)
                    : LibC.mlock((nint)p, (nuint)pinned.Length) == 0;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            return false;
        }
    }

    public static unsafe void Unlock(byte[] pinned)
    {
        if (pinned.Length == 0)
        {
            return;
        }

        try
        {
            fixed (byte* p = pinned)
            {
                _ = OperatingSystem.IsWindows()
                    ? Kernel32.VirtualUnlock((nint)p, (nuint)pinned.Length)
                    : LibC.munlock((nint)p, (nuint)pinned.Length) == 0;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            // Nothing was locked through a missing entry point, so there is nothing to undo.
        }
    }
}
