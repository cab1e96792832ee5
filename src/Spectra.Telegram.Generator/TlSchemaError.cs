namespace Spectra.Telegram.Generator;

/// <summary>A problem in a schema file, reported as a compiler error pointing at the line.</summary>
internal sealed class TlSchemaError
{
    public TlSchemaError(int line, string message)
    {
        Line = line;
        Message = message;
    }

    public int Line { get; }

    public string Message { get; }
}
