using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Spectra.Core.Storage.Migrations;

namespace Spectra.Core.Storage.Integrity;

/// <summary>
/// The schema an archive should have, obtained by running the migrations on an empty in-memory database. Comparing
/// against it (rather than a hand-kept list) means the check can never drift from what the migrations create.
/// An archive not yet upgraded is compared with what its own version had, since a read-only check cannot upgrade
/// it and an older schema is not damage.
/// </summary>
internal static partial class ReferenceSchema
{
    private static readonly ConcurrentDictionary<int, Lazy<IReadOnlyDictionary<string, SchemaObject>>> s_byVersion = new();

    public static IReadOnlyDictionary<string, SchemaObject> Expected => For(SchemaMigrations.LatestVersion);

    /// <summary>The schema of an archive at <paramref name="version"/> (1 to the latest).</summary>
    public static IReadOnlyDictionary<string, SchemaObject> For(int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, SchemaMigrations.LatestVersion);
        return s_byVersion.GetOrAdd(version, v => new Lazy<IReadOnlyDictionary<string, SchemaObject>>(() => Build(v))).Value;
    }

    public static Dictionary<string, SchemaObject> Read(SqliteConnection connection)
    {
        var result = new Dictionary<string, SchemaObject>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, name, sql FROM main.sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var name = reader.GetString(1);
            result[name] = new SchemaObject(reader.GetString(0), name, Normalize(reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return result;
    }

    private static Dictionary<string, SchemaObject> Build(int version)
    {
        using var memory = new SqliteConnection("Data Source=:memory:");
        memory.Open();
        SchemaMigrator.Migrate(memory, ":memory:", version);
        return Read(memory);
    }

    private static string Normalize(string? sql) =>
        sql is null ? string.Empty : Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
