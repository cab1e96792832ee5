namespace Spectra.Telegram.Tl;

/// <summary>A constructor id the pinned schema does not know; TL is not self-delimiting, so reading cannot go on.</summary>
public sealed class UnknownConstructorException : TlException
{
    public UnknownConstructorException(uint constructorId, string? expectedType = null)
        : base(expectedType is null
            ? FormattableString.Invariant($"Unknown TL constructor 0x{constructorId:x8}.")
            : FormattableString.Invariant($"Unknown TL constructor 0x{constructorId:x8} while reading {expectedType}."))
    {
        ConstructorId = constructorId;
    }

    public uint ConstructorId { get; }
}
