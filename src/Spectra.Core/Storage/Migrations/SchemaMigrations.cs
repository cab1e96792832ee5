namespace Spectra.Core.Storage.Migrations;

/// <summary>Every schema step in order. Append only: a released step is never edited.</summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } = [SchemaV1.Migration, SchemaV2.Migration, SchemaV3.Migration, SchemaV4.Migration, SchemaV5.Migration];

    /// <summary>The <c>user_version</c> a fully migrated archive has.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>PRAGMA application_id of a Spectra archive ('SPTR'), so other SQLite files are never taken for ours.</summary>
    public const int ApplicationId = 0x53505452;
}
