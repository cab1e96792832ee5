using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Spectra.Core.Storage.Migrations;

namespace Spectra.Core.Storage.Integrity;

/// <summary>
/// The schema an archive should have, obtained by running the migrations on an empty in-memory database. Comparing
/// against it (rather than a hand-kept list) means the check can never drift from what the migrations create.
/// </summary>
internal static partial class ReferenceSchema
{
    private static readonly Lazy<IReadOnlyDictionary<string, SchemaObject>> s_expected = new(Build);

    public static IReadOnlyDictionary<string, SchemaObject> Expected => s_expected.Value;

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

    private static Dictionary<string, SchemaObject> Build()
    {
        using var memory = new SqliteConnection("Data Source=:memory:");
        memory.Open();
        SchemaMigrator.Migrate(memory, ":memory:");
        return Read(memory);
    }

    private static string Normalize(string? sql) =>
        sql is null ? string.Empty : Whitespace().Replace(sql, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
