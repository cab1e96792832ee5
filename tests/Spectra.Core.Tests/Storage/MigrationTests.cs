using Microsoft.Data.Sqlite;
using Spectra.Core.Errors;
using Spectra.Core.Storage;
using Spectra.Core.Storage.Migrations;

namespace Spectra.Core.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public void A_new_archive_is_at_the_latest_version_with_WAL_and_foreign_keys()
    {
        using var temp = new TempArchive();
        using var db = temp.Open();
        Assert.Equal(SchemaMigrations.LatestVersion, db.SchemaVersion);
        Assert.Equal((long)SchemaMigrations.LatestVersion, Scalar(db.Connection, "PRAGMA user_version"));
        Assert.Equal("wal", Scalar(db.Connection, "PRAGMA journal_mode"));
        Assert.Equal(1L, Scalar(db.Connection, "PRAGMA foreign_keys"));
        Assert.Equal(1L, Scalar(db.Connection, "PRAGMA synchronous")); // NORMAL
        Assert.Equal((long)SchemaMigrations.ApplicationId, Scalar(db.Connection, "PRAGMA application_id"));
        Assert.Equal((long)SchemaMigrations.All.Count, Scalar(db.Connection, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(16384L, Scalar(db.Connection, "PRAGMA page_size"));
        Assert.Equal(16L, Scalar(db.Connection, "SELECT v FROM messages_fts_config WHERE k = 'automerge'"));
    }

    [Fact]
    public void Reopening_keeps_data_and_does_not_reapply_migrations()
    {
        using var temp = new TempArchive();
        using (var db = temp.OpenSeeded(5))
        {
        }

        using var again = temp.Open();
        Assert.Equal(5L, Scalar(again.Connection, "SELECT count(*) FROM messages"));
        Assert.Equal((long)SchemaMigrations.All.Count, Scalar(again.Connection, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public void A_version_1_archive_is_upgraded_in_place_keeping_its_data_and_page_size()
    {
        using var temp = new TempArchive();
        // A version-1 archive as Spectra wrote it before: 4 KiB pages, FTS5's default merge width.
        using (var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False"))
        {
            connection.Open();
            SqliteConnections.Execute(connection, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;");
            SqliteConnections.Execute(connection, SchemaMigrations.All[0].Sql);
            SqliteConnections.Execute(connection, FormattableString.Invariant($"""
                INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, '{SchemaMigrations.All[0].Name}', 0);
                PRAGMA application_id = {SchemaMigrations.ApplicationId};
                PRAGMA user_version = 1;
                """));
            SqliteConnections.Execute(connection, "INSERT INTO peers (peer_id, type, telegram_id, title, first_seen, updated_at) VALUES (-1001, 'channel', 1, 'Kept', 0, 0)");
            SqliteConnections.Execute(connection, "INSERT INTO runs (kind, started_at) VALUES ('import', 5)");
        }

        using (var db = temp.OpenSeeded(5))
        {
            Assert.Equal(SchemaMigrations.LatestVersion, db.SchemaVersion);
        }

        using var again = temp.Open();
        Assert.Equal(4096L, Scalar(again.Connection, "PRAGMA page_size"));
        Assert.Equal(16L, Scalar(again.Connection, "SELECT v FROM messages_fts_config WHERE k = 'automerge'"));
        Assert.Equal(5L, Scalar(again.Connection, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'message'"));
        Assert.Equal(new[] { 1L, 2L, 3L, 4L, 5L }, Column(again.Connection, "SELECT version FROM schema_migrations ORDER BY version"));
        Assert.Equal(0L, Scalar(again.Connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'messages_sender'"));
        // Version 4 adds the export type, unknown (NULL) for chats already archived.
        Assert.Equal(1L, Scalar(again.Connection, "SELECT count(*) FROM peers WHERE title = 'Kept' AND export_type IS NULL"));
        // Version 5 records each run's process; a run begun before it has none, and the upgrade leaves it as it was.
        Assert.Equal(1L, Scalar(again.Connection,
            "SELECT count(*) FROM runs WHERE started_at = 5 AND outcome = 'running' AND host IS NULL AND process_id IS NULL AND process_started_at IS NULL"));
    }

    [Fact]
    public void A_database_from_a_newer_Spectra_is_refused_and_left_untouched()
    {
        using var temp = new TempArchive();
        using (var db = temp.OpenSeeded(3))
        {
            SqliteConnections.Execute(db.Connection, "PRAGMA user_version = 999");
        }

        var before = File.ReadAllBytes(temp.DatabasePath);
        var error = Assert.Throws<SpectraException>(() => temp.Open());
        Assert.Equal("DatabaseTooNew", error.ErrorId);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Fix);
        Assert.Equal(before, File.ReadAllBytes(temp.DatabasePath));
    }

    [Fact]
    public void A_foreign_SQLite_database_is_refused_instead_of_gaining_tables()
    {
        using var temp = new TempArchive();
        using (var other = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False"))
        {
            other.Open();
            SqliteConnections.Execute(other, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        }

        var error = Assert.Throws<SpectraException>(() => temp.Open());
        Assert.Equal("NotASpectraDatabase", error.ErrorId);
        using var check = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False");
        check.Open();
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM sqlite_schema"));
    }

    [Fact]
    public void A_file_that_is_not_a_database_gives_an_error_not_a_crash()
    {
        using var temp = new TempArchive();
        File.WriteAllText(temp.DatabasePath, new string('x', 4096));
        var error = Assert.Throws<SpectraException>(() => temp.Open());
        Assert.Equal("NotASpectraDatabase", error.ErrorId);
    }

    [Fact]
    public void A_missing_database_is_an_error_when_creation_is_not_allowed()
    {
        using var temp = new TempArchive();
        var error = Assert.Throws<SpectraException>(() =>
            ArchiveDatabase.Open(temp.DatabasePath, new ArchiveOptions { CreateIfMissing = false }));
        Assert.Equal("DatabaseNotFound", error.ErrorId);
        Assert.False(File.Exists(temp.DatabasePath));
    }

    internal static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<long> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }
}
