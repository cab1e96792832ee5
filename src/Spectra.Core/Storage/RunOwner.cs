using System.ComponentModel;
using System.Diagnostics;

namespace Spectra.Core.Storage;

/// <summary>
/// The process that runs a run: its machine, process id and start time (Unix seconds), recorded with the run so
/// that a run left unfinished can be told from one still going. Process ids are reused, so the start time is what
/// makes the identity: a live process with the same id but another start time is someone else.
/// </summary>
internal readonly record struct RunOwner(string Host, long ProcessId, long? ProcessStartedAt)
{
    public static RunOwner Current { get; } = OfCurrentProcess();

    /// <summary>
    /// Whether the process that began a run is known to be gone: true when it ran on this machine and no process
    /// with its id and start time exists now; false when it is still running; null when this cannot be told (no
    /// owner recorded, as for runs begun before schema version 5, or another machine's process).
    /// </summary>
    /// <remarks>
    /// Containers that share an archive and a host name but not a process namespace see each other's runs as gone.
    /// That is harmless for the archive: a run still going records its real end over the 'failed' the next run gave it.
    /// </remarks>
    public static bool? IsGone(string? host, long? processId, long? processStartedAt)
    {
        if (host is null || processId is not { } id || !string.Equals(host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (id <= 0 || id > int.MaxValue)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById((int)id);
            return StartOf(process) is { } started && processStartedAt is { } recorded && Math.Abs(started - recorded) > 2;
        }
        catch (ArgumentException)
        {
            return true; // no process has that id
        }
        catch (InvalidOperationException)
        {
            return true; // it exited while being looked at
        }
    }

    private static RunOwner OfCurrentProcess()
    {
        using var process = Process.GetCurrentProcess();
        return new RunOwner(Environment.MachineName, process.Id, StartOf(process));
    }

    private static long? StartOf(Process process)
    {
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero).ToUnixTimeSeconds();
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null; // not readable here: the caller then cannot prove the process gone, and does not claim it
        }
    }
}
