using System.Collections.Generic;

namespace Spectra.Telegram.Generator;

/// <summary>A constructor or method declaration from a TL schema file.</summary>
internal sealed class TlDefinition
{
    public TlDefinition(string name, uint id, IReadOnlyList<TlParameter> parameters, string resultType, bool isMethod, string? genericParameter, int line)
    {
        Name = name;
        Id = id;
        Parameters = parameters;
        ResultType = resultType;
        IsMethod = isMethod;
        GenericParameter = genericParameter;
        Line = line;
    }

    /// <summary>Full TL name including the namespace, e.g. <c>messages.getHistory</c>.</summary>
    public string Name { get; }

    public uint Id { get; }

    public IReadOnlyList<TlParameter> Parameters { get; }

    /// <summary>The boxed type a constructor belongs to, or a method's result type.</summary>
    public string ResultType { get; }

    public bool IsMethod { get; }

    /// <summary>The <c>{X:Type}</c> parameter of methods such as invokeWithLayer, whose result is the inner query's.</summary>
    public string? GenericParameter { get; }

    public int Line { get; }

    /// <summary>C# class name, assigned by <see cref="TlModel"/>.</summary>
    public string ClassName { get; set; } = "";
}
