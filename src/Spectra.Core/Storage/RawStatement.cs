using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Spectra.Core.Storage;

/// <summary>
/// A prepared statement driven through SQLitePCLRaw (the layer under Microsoft.Data.Sqlite) for the writer's hot
/// path: parameters bound by position and type, no per-execution name lookup, boxing or reader allocation. It runs
/// on the same connection handle, so it takes part in the transaction begun through Microsoft.Data.Sqlite. Errors
/// surface as <see cref="SqliteException"/> with SQLite's primary and extended codes, like the rest of the store.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            throw Error(rc);
        }
    }

    public void Bind(int index, long value) => raw.sqlite3_bind_int64(_statement, index, value);

    public void Bind(int index, long? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int64(_statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(_statement, index);
        }
    }

    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(_statement, index, value);
        }
    }

    public void Bind(int index, byte[]? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_statement, index);
        }
        else
        {
            raw.sqlite3_bind_blob(_statement, index, value);
        }
    }

    /// <summary>Steps once: true with a row to read, false when done. Throws on error.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        return rc switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw Error(rc),
        };
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>Rows changed by the last statement on the connection (not counting trigger actions).</summary>
    public int Changes => raw.sqlite3_changes(_db);

    /// <summary>The connection's last inserted rowid; restored after triggers, untouched by an UPSERT's update.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    /// <summary>Ready for the next execution: finished, bindings cleared. Never throws (errors came from Step).</summary>
    public void Reset()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    public void Dispose() => _statement.Dispose();

    private SqliteException Error(int rc) =>
        new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
}
