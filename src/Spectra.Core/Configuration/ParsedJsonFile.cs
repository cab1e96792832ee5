using System.Text.Json.Nodes;

namespace Spectra.Core.Configuration;

/// <summary>
/// A parsed config file: its object tree, the 1-based line of every key and array item by field path, and the fields
/// holding a number too large to hold (kept in the tree as their text).
/// </summary>
internal sealed record ParsedJsonFile(string File, JsonObject Root, IReadOnlyDictionary<string, int> Lines, IReadOnlyList<string> OversizedNumbers);
