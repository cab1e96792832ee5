namespace Spectra.Core.Storage.Migrations;

/// <summary>
/// One step of the schema. <paramref name="Version"/> becomes <c>PRAGMA user_version</c> once
/// <paramref name="Sql"/> has run, in the same transaction. Steps only add or reshape schema; they never rewrite
/// archived data in place.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql);
