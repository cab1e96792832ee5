using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Spectra.Core.Storage;

/// <summary>
/// Runs engine work on a connection so that failures and Ctrl+C behave: SQLite errors become the storage errors
/// (<see cref="StorageErrors.Write"/>), a cancelled token interrupts the running statement
/// (<c>sqlite3_interrupt</c>: VACUUM, ANALYZE and long writes stop and roll back) and waits for another
/// connection's lock can be cancelled.
/// <para>
/// Why the lock wait is ours: SQLite's busy handler sleeps inside <c>sqlite3_step</c> and ignores interrupts, and
/// Microsoft.Data.Sqlite retries a busy statement (reset, 150 ms sleep, step again) until the command timeout, with
/// no way to stop it; an interrupt set between those retries is cleared when the statement starts again. So each
/// attempt here waits at most <see cref="Slice"/> (native busy timeout and command timeout both one second), and
/// this loop repeats it, checking the token, until the archive's busy timeout is spent. Every unit of work given to
/// <see cref="Run{T}"/> must therefore be safe to repeat after SQLITE_BUSY: one transaction, or one statement. And
/// it must create the commands that take locks itself: a command copies the connection's timeout when created, so
/// one made before would keep Microsoft.Data.Sqlite retrying, deaf to the token, for the full timeout.
/// </para>
/// Not thread-safe, like the connection.
/// </summary>
internal sealed class SqliteGuard(SqliteConnection connection, string path, TimeSpan busyTimeout,
    CancellationToken cancellationToken)
{
    /// <summary>The longest single wait for a lock; also how late a Stop can be noticed while waiting.</summary>
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(1);

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>
    /// Runs <paramref name="work"/>, waiting up to the busy timeout for other connections' locks. With
    /// <paramref name="cancellable"/> false (closing records that must be written even after a Stop) the token is
    /// ignored. <paramref name="retryWhile"/> is for work that reports a lock conflict in its result instead of an
    /// error (a checkpoint): it is repeated the same way, and its last result returned when the wait is spent.
    /// </summary>
    public T Run<T>(Func<T> work, bool cancellable = true, Func<T, bool>? retryWhile = null)
    {
        var token = cancellable ? cancellationToken : CancellationToken.None;
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var waited = Stopwatch.StartNew();
        var defaultTimeout = connection.DefaultTimeout;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var interrupt = token.CanBeCanceled ? token.Register(() => raw.sqlite3_interrupt(handle)) : default;
            raw.sqlite3_busy_timeout(handle, (int)Slice.TotalMilliseconds);
            connection.DefaultTimeout = (int)Slice.TotalSeconds;
            try
            {
                var result = work();
                if (retryWhile is null || !retryWhile(result) || waited.Elapsed >= busyTimeout)
                {
                    return result;
                }
            }
            catch (SqliteException ex) when (StorageErrors.IsBusy(ex) && waited.Elapsed < busyTimeout)
            {
                // Locked by another connection: try again below, unless stopped.
            }
            catch (SqliteException ex) when (StorageErrors.IsInterrupt(ex) && token.IsCancellationRequested)
            {
                throw new OperationCanceledException("The archive operation was stopped; its transaction was rolled back.", ex, token);
            }
            catch (SqliteException ex)
            {
                throw StorageErrors.Write(path, ex);
            }
            finally
            {
                // Disposing waits for a running callback, so no interrupt can land on later work.
                interrupt.Dispose();
                connection.DefaultTimeout = defaultTimeout;
                raw.sqlite3_busy_timeout(handle, (int)busyTimeout.TotalMilliseconds);
            }

            token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
        }
    }

    public void Run(Action work, bool cancellable = true) => Run(() =>
    {
        work();
        return true;
    }, cancellable);

    /// <summary>
    /// Ends a transaction that failed. SQLite has often rolled it back already (SQLITE_FULL, I/O errors,
    /// interrupts), and then ROLLBACK fails with "no transaction is active": that must never replace the error
    /// that caused it, which is the one being thrown.
    /// </summary>
    public static void Abandon(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (SqliteException)
        {
            // Already rolled back by SQLite; Rollback marked the transaction complete either way.
        }
    }
}
