namespace Spectra.Telegram.Generator;

/// <summary>A resolved parameter or result type: a primitive, a vector, a boxed type or a bare constructor.</summary>
internal sealed class TlTypeRef
{
    public TlTypeRef(TlTypeKind kind, TlTypeRef? element = null, string? className = null)
    {
        Kind = kind;
        Element = element;
        ClassName = className;
    }

    public TlTypeKind Kind { get; }

    public TlTypeRef? Element { get; }

    /// <summary>Fully qualified C# class: the abstract base of a boxed type, or the constructor class of a bare one.</summary>
    public string? ClassName { get; }

    public bool IsValueType => Kind is TlTypeKind.Int or TlTypeKind.Long or TlTypeKind.Double or TlTypeKind.Bool;
}
