using System.Text.Json;
using System.Text.Json.Nodes;
using Spectra.Core.Errors;

namespace Spectra.Core.Configuration;

/// <summary>
/// Reads a config file with <see cref="Utf8JsonReader"/> (comments and trailing commas allowed) into a node tree,
/// remembering the line of every key. JsonNode.Parse would lose the lines, and without them a schema error in a
/// long file cannot say where to look.
/// </summary>
internal static class JsonFileParser
{
    private static readonly JsonReaderOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    public static ParsedJsonFile Parse(string file, byte[] content)
    {
        var start = content.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var bytes = content.AsSpan(start);
        var lineStarts = LineStarts(bytes);
        var state = new State(file, lineStarts);
        var reader = new Utf8JsonReader(bytes, s_options);
        try
        {
            if (bytes.Trim(" \t\r\n"u8).IsEmpty || !reader.Read())
            {
                throw Malformed(state, 1, "the file is empty", "Put a JSON object in it, e.g. { }, or delete the file to use the defaults.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed(state, state.LineOf(reader.TokenStartIndex), "the top level must be a JSON object ({ ... })",
                    "Wrap the settings in braces; see examples/spectra_config.json.");
            }

            var root = ReadObject(ref reader, string.Empty, state);
            var end = reader.BytesConsumed;
            bool trailing;
            try
            {
                trailing = reader.Read();
            }
            catch (JsonException)
            {
                trailing = true;
            }

            if (trailing)
            {
                state.CurrentField = null;
                throw Malformed(state, state.LineOf(end), "there is content after the closing brace",
                    "Remove everything after the last '}'.");
            }

            return new ParsedJsonFile(file, root, state.Lines, state.OversizedNumbers);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is long l ? (int)l + 1 : 0;
            var column = ex.BytePositionInLine is long c ? c + 1 : 0;
            throw Malformed(state, line, $"malformed JSON near column {column}: {ReaderReason(ex.Message)}",
                "Correct the JSON syntax on that line (comments and trailing commas are allowed; keys and strings need double quotes).", ex);
        }
    }

    private static JsonObject ReadObject(ref Utf8JsonReader reader, string path, State state)
    {
        var result = new JsonObject();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = ReadString(ref reader, path, state);
            var line = state.LineOf(reader.TokenStartIndex);
            var childPath = ConfigPath.Property(path, name);
            state.CurrentField = childPath;
            if (result.ContainsKey(name))
            {
                throw Malformed(state, line, $"the key '{name}' appears twice in the same object",
                    "Keep one of them; JSON objects cannot repeat a key.");
            }

            state.Lines[childPath] = line;
            reader.Read();
            result[name] = ReadValue(ref reader, childPath, state);
        }

        return result;
    }

    private static JsonArray ReadArray(ref Utf8JsonReader reader, string path, State state)
    {
        var result = new JsonArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var itemPath = ConfigPath.Index(path, result.Count);
            state.CurrentField = itemPath;
            state.Lines[itemPath] = state.LineOf(reader.TokenStartIndex);
            result.Add(ReadValue(ref reader, itemPath, state));
        }

        return result;
    }

    private static JsonNode? ReadValue(ref Utf8JsonReader reader, string path, State state) => reader.TokenType switch
    {
        JsonTokenType.StartObject => ReadObject(ref reader, path, state),
        JsonTokenType.StartArray => ReadArray(ref reader, path, state),
        JsonTokenType.String => JsonValue.Create(ReadString(ref reader, path, state)),
        JsonTokenType.True => JsonValue.Create(true),
        JsonTokenType.False => JsonValue.Create(false),
        JsonTokenType.Null => null,
        JsonTokenType.Number => ReadNumber(ref reader, path, state),
        _ => throw new JsonException("unexpected token " + reader.TokenType),
    };

    /// <summary>
    /// The reader checks UTF-8 only when it transcodes a string, and then throws InvalidOperationException, not
    /// JsonException: a file saved in a legacy code page (an accented letter in Latin-1) fails here.
    /// </summary>
    private static string ReadString(ref Utf8JsonReader reader, string field, State state)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            state.CurrentField = field.Length == 0 ? null : field;
            throw Malformed(state, state.LineOf(reader.TokenStartIndex), "the text is not valid UTF-8",
                "Save the file as UTF-8 (in an editor: Save with Encoding, UTF-8); the file was probably written in a legacy code page.");
        }
    }

    private static JsonValue ReadNumber(ref Utf8JsonReader reader, string path, State state)
    {
        if (reader.TryGetInt64(out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (reader.TryGetDecimal(out var exact))
        {
            return JsonValue.Create(exact);
        }

        // Beyond decimal range (1e30, 1e400): valid JSON, but no setting needs it and the schema evaluator's decimal
        // arithmetic throws on it. It is kept as its text, so every check still runs, and listed, so the loader
        // reports it as a Schema finding at this line.
        state.OversizedNumbers.Add(path);
        return JsonValue.Create(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
    }

    private static SpectraException Malformed(State state, int line, string what, string fix, Exception? inner = null) =>
        new("ConfigParseError", SpectraErrorCategory.ParserError, $"The configuration file is not valid: {what}.", fix,
            new ErrorLocation(state.File, line, state.CurrentField), inner);

    /// <summary>The reader's reason without its own position suffix (we report line and field ourselves).</summary>
    private static string ReaderReason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return reason.Length > 160 ? reason[..160] : reason;
    }

    private static int[] LineStarts(ReadOnlySpan<byte> bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private sealed class State(string file, int[] lineStarts)
    {
        public string File { get; } = file;

        public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

        public List<string> OversizedNumbers { get; } = [];

        public string? CurrentField { get; set; }

        public int LineOf(long offset)
        {
            var index = Array.BinarySearch(lineStarts, (int)offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
