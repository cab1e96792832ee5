using System.Text;
using System.Text.Json;
using Spectra.Core.Errors;

namespace Spectra.Core.Import;

/// <summary>
/// Streams Telegram Desktop's <c>result.json</c> (single-chat or whole-account) without loading it: a
/// <see cref="Utf8JsonReader"/> runs over a refilling buffer, and each message object is handed out whole, as the raw
/// UTF-8 bytes of that object, once it is entirely in the buffer. Memory is bounded by the largest single message,
/// not by the file. Account-level sections other than chats (personal_information, contacts, sessions, ...) are
/// skipped token by token, so they cost no memory either.
/// </summary>
public sealed class TdesktopExportReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>A single message larger than this is refused rather than growing the buffer without limit.</summary>
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly string _fileName;
    private readonly Stack<Frame> _frames = new();
    private readonly Queue<ExportItemKind> _pending = new();
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _final;
    private bool _done;
    private bool _started;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    private int _line = 1;
    private string? _property;
    private int _chatOrdinal = -1;
    private int _messageIndex;
    private ChatBuilder? _chat;
    private bool _sawChatSection;
    private int _byteOrderMark;
    private Lookahead? _lookahead;
    private bool _rewound;
    private int _messageStart;
    private int _messageLength;

    public TdesktopExportReader(Stream stream, string fileName, bool ownsStream = false)
    {
        _stream = stream;
        _fileName = fileName;
        _ownsStream = ownsStream;
    }

    /// <summary>Opens <paramref name="path"/> for sequential reading.</summary>
    public static TdesktopExportReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan),
            path, ownsStream: true);

    private enum FrameKind
    {
        Root,
        Section,
        ChatList,
        Chat,
        Messages,
        Skip,
    }

    public ExportItemKind Kind { get; private set; }

    /// <summary>The chat the current item belongs to.</summary>
    public ExportChat? Chat { get; private set; }

    /// <summary>The current message's raw JSON; valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> MessageJson => _buffer.AsSpan(_messageStart, _messageLength);

    /// <summary>1-based line of the current message's opening brace.</summary>
    public int MessageLine { get; private set; }

    /// <summary>Where the current message sits in the document, e.g. <c>chats.list[2].messages[17]</c>.</summary>
    public string MessagePath { get; private set; } = string.Empty;

    /// <summary>Bytes of the file consumed so far (for progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Total size of the file when the stream knows it, else -1.</summary>
    public long Length => _stream.CanSeek ? _stream.Length : -1;

    /// <summary>Advances to the next chat boundary or message; false at the end of the document.</summary>
    public bool Read()
    {
        if (_pending.Count > 0)
        {
            Kind = _pending.Dequeue();
            return true;
        }

        while (!_done)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            // Never marked final: at the end of the file an unfinished document then shows up as "need more data"
            // with nothing left to read, which is reported as a truncated export rather than a syntax error.
            var reader = new Utf8JsonReader(span, isFinalBlock: false, _state);
            bool produced;
            bool needMore;
            try
            {
                produced = Step(ref reader, span, out needMore);
            }
            catch (JsonException ex)
            {
                // The reader state carried from span to span keeps counting lines from the top of the file, so the
                // exception's (0-based) line is already the file's; its message repeats it 0-based, so that part goes.
                var line = (int)(ex.LineNumber ?? 0) + 1;
                var what = ex.Message;
                var position = what.IndexOf(" LineNumber:", StringComparison.Ordinal);
                throw new SpectraException("ExportJsonInvalid", SpectraErrorCategory.ParserError,
                    FormattableString.Invariant($"The export is not valid JSON at line {line}, byte {(ex.BytePositionInLine ?? 0) + 1} of the line: {(position > 0 ? what[..position] : what)}"),
                    "Re-export the chat from Telegram Desktop; the file is damaged or was cut off.",
                    new ErrorLocation(_fileName, line), ex);
            }

            if (_rewound)
            {
                // Step moved the reader back to a chat's message list; its position is already set.
                _rewound = false;
                Kind = _pending.Dequeue();
                return true;
            }

            var consumed = (int)reader.BytesConsumed;
            _line += span[..consumed].Count((byte)'\n');
            _start += consumed;
            BytesRead += consumed;
            _state = reader.CurrentState;
            if (produced)
            {
                Kind = _pending.Dequeue();
                return true;
            }

            if (needMore)
            {
                if (_final)
                {
                    throw Truncated();
                }

                Fill();
            }
        }

        return false;
    }

    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, out bool needMore)
    {
        needMore = false;
        while (true)
        {
            var before = reader;
            if (!reader.Read())
            {
                if (_frames.Count == 0 && _final && _started)
                {
                    _done = true;
                    return false;
                }

                needMore = true;
                return false;
            }

            if (_frames.Count == 0)
            {
                if (_started)
                {
                    throw new SpectraException("ExportJsonInvalid", SpectraErrorCategory.ParserError,
                        "Unexpected content after the end of the export document.", "Re-export the chat from Telegram Desktop.",
                        new ErrorLocation(_fileName, _line));
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new SpectraException("ExportNotAnObject", SpectraErrorCategory.InvalidData,
                        "The file is JSON but not a Telegram Desktop export (its top level is not an object).",
                        "Point -Path at the result.json written by Telegram Desktop's 'Export chat history' (JSON format).",
                        new ErrorLocation(_fileName, 1));
                }

                _started = true;
                _chatOrdinal = 0;
                _chat = new ChatBuilder(false, 0, string.Empty);
                _frames.Push(new Frame(FrameKind.Root, 0));
                continue;
            }

            var frame = _frames.Peek();
            switch (frame.Kind)
            {
                case FrameKind.Skip:
                    if ((reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) && reader.CurrentDepth == frame.Depth)
                    {
                        _frames.Pop();
                    }

                    continue;
                case FrameKind.Messages:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _frames.Pop();
                        continue;
                    }

                    {
                        // Every entry is handed out, objects or not: the parser refuses what is not a message
                        // object with its line and place, so a damaged entry is counted, never silently dropped.
                        var probe = reader;
                        if (!probe.TrySkip())
                        {
                            reader = before;
                            needMore = true;
                            return false;
                        }

                        var start = (int)reader.TokenStartIndex;
                        _messageStart = _start + start;
                        _messageLength = (int)probe.BytesConsumed - start;
                        MessageLine = LineOf(ref reader, span);
                        MessagePath = FormattableString.Invariant($"{_chat!.Path}messages[{_messageIndex}]");
                        _messageIndex++;
                        reader = probe;
                        _pending.Enqueue(ExportItemKind.Message);
                        return true;
                    }
                case FrameKind.ChatList:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _frames.Pop();
                        continue;
                    }

                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        _chatOrdinal++;
                        _chat = new ChatBuilder(frame.Left, _chatOrdinal,
                            FormattableString.Invariant($"{(frame.Left ? "left_chats" : "chats")}.list[{frame.Index++}]."));
                        _frames.Push(new Frame(FrameKind.Chat, reader.CurrentDepth));
                        continue;
                    }

                    SkipValue(ref reader);
                    continue;
                default:
                    if (HandleObjectToken(ref reader, span, frame))
                    {
                        return true;
                    }

                    continue;
            }
        }
    }


    /// <summary>Tokens inside the root, a section (chats / left_chats) or a chat object.</summary>
    private bool HandleObjectToken(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, Frame frame)
    {
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            _property = Text(ref reader);
            return false;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            _frames.Pop();
            if (_lookahead is { } pending && ReferenceEquals(pending.Chat, frame))
            {
                Rewind(pending);
                return true;
            }

            if (frame.Kind is FrameKind.Chat or FrameKind.Root && _chat is not null)
            {
                var produced = false;
                if (frame.Kind == FrameKind.Chat && !_chat.Started)
                {
                    // A chat without a message list is still a chat the user exported; report it as empty.
                    StartChat(LineOf(ref reader, span));
                }

                if (_chat.Started)
                {
                    _pending.Enqueue(ExportItemKind.ChatCompleted);
                    produced = true;
                }

                if (frame.Kind == FrameKind.Root && !produced && !_sawChatSection)
                {
                    throw new SpectraException("ExportHasNoChats", SpectraErrorCategory.InvalidData,
                        "The file is a JSON object but holds no chat: neither a 'messages' list nor a 'chats' section.",
                        "Point -Path at the result.json written by Telegram Desktop's 'Export chat history' (JSON format).",
                        new ErrorLocation(_fileName, 1));
                }

                _chat = null;
                return produced;
            }

            return false;
        }

        var property = _property;
        _property = null;
        var isChatLike = frame.Kind == FrameKind.Chat || frame.Kind == FrameKind.Root;
        if (isChatLike && property is "name" or "type" && reader.TokenType is JsonTokenType.String or JsonTokenType.Null)
        {
            var value = reader.TokenType == JsonTokenType.Null ? null : Text(ref reader);
            if (property == "name")
            {
                _chat!.Name = value;
            }
            else
            {
                _chat!.Type = value;
                _chat.SawType = true;
            }

            return false;
        }

        if (isChatLike && property == "id")
        {
            _chat!.SawId = true;
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var id))
            {
                _chat.Id = id;
                return false;
            }
        }

        if (isChatLike && property == "messages")
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new SpectraException("ExportMessagesInvalid", SpectraErrorCategory.InvalidData,
                    FormattableString.Invariant($"'messages' must be a list of message objects; here it is {Describe(reader.TokenType)}."),
                    "This is not a file Telegram Desktop wrote, or it was edited; re-export the chat.",
                    new ErrorLocation(_fileName, LineOf(ref reader, span), _chat!.Path + "messages"));
            }

            if (!_chat!.LookedAhead && !(_chat.SawId && _chat.SawType) && _stream.CanSeek)
            {
                // Telegram Desktop writes a chat's name, type and id before its messages; a file whose keys were
                // reordered (jq -S, a JSON library sorting keys) has them after. The messages cannot be keyed
                // without them, so skip the list, read the rest of the chat, and come back (see Rewind).
                var consumed = (int)reader.BytesConsumed;
                _lookahead = new Lookahead(BytesRead + consumed, _byteOrderMark + BytesRead + consumed,
                    _line + span[..consumed].Count((byte)'\n'), reader.CurrentState, frame, reader.CurrentDepth);
                _chat.LookedAhead = true;
                _frames.Push(new Frame(FrameKind.Skip, reader.CurrentDepth));
                return false;
            }

            _frames.Push(new Frame(FrameKind.Messages, reader.CurrentDepth));
            StartChat(LineOf(ref reader, span));
            return true;
        }

        if (frame.Kind == FrameKind.Root && property is "chats" or "left_chats" && reader.TokenType == JsonTokenType.StartObject)
        {
            _sawChatSection = true;
            _frames.Push(new Frame(FrameKind.Section, reader.CurrentDepth) { Left = property == "left_chats" });
            return false;
        }

        if (frame.Kind == FrameKind.Section && property == "list" && reader.TokenType == JsonTokenType.StartArray)
        {
            _frames.Push(new Frame(FrameKind.ChatList, reader.CurrentDepth) { Left = frame.Left });
            return false;
        }

        // personal_information, contacts, sessions, profile_pictures, stories, other_data, ...: not archive content.
        SkipValue(ref reader);
        return false;
    }

    /// <summary>
    /// A chat's name, type or a property name. An unpaired surrogate escape (<c>"\ud83d"</c>) is valid JSON but no
    /// text; rather than lose the chat over its title, such a string is kept as written, escapes and all.
    /// </summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>1-based line of the current token (<see cref="_line"/> is the line where <paramref name="span"/> starts).</summary>
    private int LineOf(ref Utf8JsonReader reader, ReadOnlySpan<byte> span) => _line + span[..(int)reader.TokenStartIndex].Count((byte)'\n');

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        _ => "null",
    };

    private SpectraException Truncated() =>
        new("ExportTruncated", SpectraErrorCategory.InvalidData,
            "The export ends in the middle of the document.",
            "The file was cut off (interrupted copy or export); re-export it from Telegram Desktop. The messages before the cut were imported.",
            new ErrorLocation(_fileName, _line));

    /// <summary>
    /// Goes back to just after the '[' of a chat's message list once the rest of the chat has been read: the file
    /// position, line count, JSON reader state and frames are those of that moment, and the chat starts now that
    /// its name, type and id are known. What follows the list is read a second time and changes nothing.
    /// </summary>
    private void Rewind(Lookahead at)
    {
        _lookahead = null;
        _stream.Seek(at.FileOffset, SeekOrigin.Begin);
        _start = 0;
        _end = 0;
        _final = false;
        BytesRead = at.BytesRead;
        _line = at.Line;
        _state = at.State;
        _frames.Push(at.Chat);
        _frames.Push(new Frame(FrameKind.Messages, at.Depth));
        _rewound = true;
        StartChat(at.Line);
    }

    /// <param name="line">Where the chat's message list starts (or, for a chat without one, where the chat ends).</param>
    private void StartChat(int line)
    {
        _chat!.Started = true;
        _messageIndex = 0;
        Chat = new ExportChat(_chat.Name, _chat.Type, _chat.Id, _chat.Left, _chat.Ordinal, _chat.Path) { Line = line };
        _pending.Enqueue(ExportItemKind.ChatStarted);
    }

    private void SkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _frames.Push(new Frame(FrameKind.Skip, reader.CurrentDepth));
        }
    }

    private void Fill()
    {
        var unconsumed = _end - _start;
        if (unconsumed == _buffer.Length)
        {
            if (_buffer.Length >= MaxMessageBytes)
            {
                throw new SpectraException("ExportMessageTooLarge", SpectraErrorCategory.LimitsExceeded,
                    FormattableString.Invariant($"One JSON value in the export is larger than {MaxMessageBytes / (1024 * 1024)} MiB."),
                    "This is not a Telegram Desktop export or it is damaged; re-export it.",
                    new ErrorLocation(_fileName, _line));
            }

            var bigger = new byte[_buffer.Length * 2];
            Buffer.BlockCopy(_buffer, _start, bigger, 0, unconsumed);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unconsumed);
        }

        _start = 0;
        _end = unconsumed;
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _final = true;
                break;
            }

            _end += read;
        }

        SkipByteOrderMark();
    }

    private void SkipByteOrderMark()
    {
        if (BytesRead == 0 && _start == 0 && _end >= 3 && _buffer.AsSpan(0, 3).SequenceEqual(Encoding.UTF8.Preamble))
        {
            _start = 3;
            _byteOrderMark = 3;
        }
    }

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private sealed class Frame(FrameKind kind, int depth)
    {
        public FrameKind Kind { get; } = kind;

        public int Depth { get; } = depth;

        public bool Left { get; init; }

        public int Index { get; set; }
    }

    private sealed class ChatBuilder(bool left, int ordinal, string path)
    {
        public string? Name { get; set; }

        public string? Type { get; set; }

        public long? Id { get; set; }

        public bool Left { get; } = left;

        public int Ordinal { get; } = ordinal;

        public string Path { get; } = path;

        public bool Started { get; set; }

        public bool SawId { get; set; }

        public bool SawType { get; set; }

        public bool LookedAhead { get; set; }
    }

    /// <summary>Where a chat's message list starts, kept while the reader looks past it for the chat's id and type.</summary>
    private sealed record Lookahead(long BytesRead, long FileOffset, int Line, JsonReaderState State, Frame Chat, int Depth);
}
