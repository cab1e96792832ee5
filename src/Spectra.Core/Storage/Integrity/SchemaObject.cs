namespace Spectra.Core.Storage.Integrity;

/// <summary>A table, index, trigger or view as SQLite records it, with whitespace-normalized SQL.</summary>
internal sealed record SchemaObject(string Type, string Name, string Sql);
