namespace Spectra.Core.Configuration;

/// <summary>One schema failure: the field path, its exact segments (keys may contain dots) and the JSON Schema keyword that failed.</summary>
internal sealed record SchemaViolation(string Field, string Keyword, IReadOnlyList<object> Segments);
