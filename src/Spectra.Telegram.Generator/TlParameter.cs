namespace Spectra.Telegram.Generator;

/// <summary>One argument of a TL declaration, as written: <c>name:flags.3?Vector&lt;long&gt;</c>.</summary>
internal sealed class TlParameter
{
    public TlParameter(string name, string type, string? flagField, int flagBit)
    {
        Name = name;
        Type = type;
        FlagField = flagField;
        FlagBit = flagBit;
    }

    public string Name { get; }

    /// <summary>The type text without the condition, e.g. <c>Vector&lt;long&gt;</c>, <c>#</c>, <c>!X</c>.</summary>
    public string Type { get; }

    /// <summary>The <c>#</c> field this argument is conditional on, or null when it is always present.</summary>
    public string? FlagField { get; }

    public int FlagBit { get; }

    public bool IsFlagsWord => Type == "#";

    public bool IsConditional => FlagField is not null;

    /// <summary>C# property name, assigned by <see cref="TlModel"/> once collisions are known.</summary>
    public string PropertyName { get; set; } = "";
}
