namespace Spectra.Telegram.Tl;

/// <summary>A TL method call (a request). Its result is read from the body of the matching rpc_result.</summary>
public abstract class TlMethod : TlObject
{
    /// <summary>Reads this method's result without static typing (used by wrappers such as invokeWithLayer).</summary>
    public abstract object? ReadResultObject(TlReader reader);
}
