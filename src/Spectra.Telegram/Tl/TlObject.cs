namespace Spectra.Telegram.Tl;

/// <summary>Base of every generated TL constructor and method: knows its id and how to write its body.</summary>
public abstract class TlObject
{
    public abstract uint ConstructorId { get; }

    /// <summary>Writes the fields only (the bare form), flags words computed from which fields are set.</summary>
    public abstract void WriteBody(TlWriter writer);

    /// <summary>Writes the boxed form: constructor id, then the body.</summary>
    public void Write(TlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt(ConstructorId);
        WriteBody(writer);
    }

    /// <summary>The boxed serialization as a new array.</summary>
    public byte[] ToBytes()
    {
        var writer = new TlWriter();
        Write(writer);
        return writer.ToArray();
    }
}
