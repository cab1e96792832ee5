namespace Spectra.Telegram.Tl;

/// <summary>A TL method whose result type is known: Vector results come back as lists, Bool as bool.</summary>
public abstract class TlMethod<TResult> : TlMethod
{
    public abstract TResult ReadResult(TlReader reader);

    public sealed override object? ReadResultObject(TlReader reader) => ReadResult(reader);
}
