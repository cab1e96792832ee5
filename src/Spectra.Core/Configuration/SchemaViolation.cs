namespace Spectra.Core.Configuration;

/// <summary>One schema failure: the field path and the JSON Schema keyword that failed.</summary>
internal sealed record SchemaViolation(string Field, string Keyword);
