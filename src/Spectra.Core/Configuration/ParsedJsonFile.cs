using System.Text.Json.Nodes;

namespace Spectra.Core.Configuration;

/// <summary>A parsed config file: its object tree and the 1-based line of every key and array item, by field path.</summary>
internal sealed record ParsedJsonFile(string File, JsonObject Root, IReadOnlyDictionary<string, int> Lines);
