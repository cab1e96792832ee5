using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Spectra.Core.Storage.Migrations;

/// <summary>
/// Brings a database to <see cref="SchemaMigrations.LatestVersion"/>: each step in its own IMMEDIATE transaction
/// together with its <c>user_version</c>, so a failed step leaves the previous version intact. Refuses databases
/// from a newer Spectra and SQLite files that belong to something else, instead of adding tables to them.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Migrates and returns the resulting schema version.</summary>
    public static int Migrate(SqliteConnection connection, string path) => Migrate(connection, path, SchemaMigrations.LatestVersion);

    /// <summary>
    /// Migrates no further than <paramref name="upTo"/>: what an archive of that version has (the integrity check's
    /// reference for archives not yet upgraded, and tests of upgrades).
    /// </summary>
    internal static int Migrate(SqliteConnection connection, string path, int upTo)
    {
        var version = ReadVersion(connection);
        CheckOpenable(connection, path, version);

        foreach (var migration in SchemaMigrations.All)
        {
            if (migration.Version <= version || migration.Version > upTo)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            try
            {
                // Another process may have migrated between our read and taking the write lock.
                version = ReadVersion(connection, transaction);
                if (migration.Version <= version)
                {
                    transaction.Rollback();
                    continue;
                }

                SqliteConnections.Execute(connection, migration.Sql, transaction);
                using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
                    record.Parameters.AddWithValue("$v", migration.Version);
                    record.Parameters.AddWithValue("$n", migration.Name);
                    record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                    record.ExecuteNonQuery();
                }

                SqliteConnections.Execute(connection, string.Create(CultureInfo.InvariantCulture,
                    $"PRAGMA application_id = {SchemaMigrations.ApplicationId}; PRAGMA user_version = {migration.Version};"),
                    transaction);
                transaction.Commit();
                version = migration.Version;
            }
            catch (SqliteException ex)
            {
                throw StorageErrors.MigrationFailed(path, migration.Version, ex);
            }
        }

        return version;
    }

    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        SqliteConnections.Scalar<int>(connection, "PRAGMA user_version", transaction);

    /// <summary>Throws when the database must not be opened by this version of Spectra.</summary>
    public static void CheckOpenable(SqliteConnection connection, string path, int version)
    {
        if (version > SchemaMigrations.LatestVersion)
        {
            throw StorageErrors.TooNew(path, version, SchemaMigrations.LatestVersion);
        }

        var applicationId = SqliteConnections.Scalar<int>(connection, "PRAGMA application_id");
        if (applicationId != 0 && applicationId != SchemaMigrations.ApplicationId)
        {
            throw StorageErrors.NotSpectra(path, string.Create(CultureInfo.InvariantCulture,
                $"its SQLite application id is 0x{applicationId:X8}, not Spectra's"));
        }

        if (version == 0)
        {
            var objects = SqliteConnections.Scalar<long>(connection,
                "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
            if (objects > 0)
            {
                throw StorageErrors.NotSpectra(path, "it already holds tables but no Spectra schema version");
            }
        }
    }
}
