namespace Spectra.Telegram.Generator;

internal enum TlTypeKind
{
    Int,
    Long,
    Double,
    Int128,
    Int256,
    String,
    Bytes,
    Bool,
    True,
    FlagsWord,
    Vector,
    BareVector,
    Boxed,
    Bare,
    Query,
}
