using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Spectra.Telegram.Generator;

/// <summary>
/// One schema file resolved for C#: class names for every boxed type (abstract, suffixed "Base"), constructor
/// (sealed) and method (suffixed "Request"), property names free of collisions, and every parameter type resolved.
/// TL namespaces become a prefix joined by '_' (messages.getHistory -> Messages_GetHistoryRequest), which keeps
/// one flat C# namespace without clashes such as the constructor 'updates' against the namespace 'updates.'.
/// </summary>
internal sealed class TlModel
{
    private static readonly HashSet<string> s_reservedMembers = new(StringComparer.Ordinal)
    {
        "ConstructorId", "TlConstructorId", "Write", "WriteBody", "ReadBare", "ReadBoxed", "ReadBoxedBody", "ReadResult",
        "ReadResultObject", "ToBytes", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize",
    };

    private readonly Dictionary<string, TlDefinition> _constructorsByName = new(StringComparer.Ordinal);

    public TlModel(string csNamespace, IReadOnlyList<TlDefinition> definitions, int? layer, List<TlSchemaError> errors)
    {
        Namespace = csNamespace;
        Layer = layer;
        Errors = errors;
        var seenConstructorIds = new Dictionary<uint, string>();
        var seenMethodIds = new Dictionary<uint, string>();
        foreach (var def in definitions)
        {
            var seen = def.IsMethod ? seenMethodIds : seenConstructorIds;
            if (seen.TryGetValue(def.Id, out var other))
            {
                errors.Add(new TlSchemaError(def.Line, "Id #" + def.Id.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + " of " + def.Name + " is already used by " + other + "."));
                continue;
            }

            seen[def.Id] = def.Name;
            if (def.IsMethod)
            {
                Methods.Add(def);
            }
            else
            {
                Constructors.Add(def);
                _constructorsByName[def.Name] = def;
                if (!Types.TryGetValue(def.ResultType, out var list))
                {
                    list = new List<TlDefinition>();
                    Types.Add(def.ResultType, list);
                    TypeOrder.Add(def.ResultType);
                }

                list.Add(def);
            }
        }

        AssignClassNames();
        foreach (var def in Constructors.Concat(Methods))
        {
            AssignPropertyNames(def);
        }
    }

    public string Namespace { get; }

    public int? Layer { get; }

    public List<TlSchemaError> Errors { get; }

    public List<TlDefinition> Constructors { get; } = new();

    public List<TlDefinition> Methods { get; } = new();

    public Dictionary<string, List<TlDefinition>> Types { get; } = new(StringComparer.Ordinal);

    public List<string> TypeOrder { get; } = new();

    public Dictionary<string, string> TypeClassNames { get; } = new(StringComparer.Ordinal);

    public static string Pascal(string tlName)
    {
        var sb = new StringBuilder();
        var dot = tlName.LastIndexOf('.');
        if (dot >= 0)
        {
            sb.Append(PascalSegment(tlName.Substring(0, dot).Replace('.', '_'))).Append('_');
            tlName = tlName.Substring(dot + 1);
        }

        sb.Append(PascalSegment(tlName));
        return sb.ToString();
    }

    private static string PascalSegment(string s)
    {
        var sb = new StringBuilder();
        foreach (var part in s.Split('_'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            sb.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1));
        }

        return sb.Length == 0 ? "X" : sb.ToString();
    }

    public bool IsSingleConstructor(string type) => Types.TryGetValue(type, out var list) && list.Count == 1;

    public string Qualified(string className) => "global::" + Namespace + "." + className;

    /// <summary>Resolves a TL type text (Vector&lt;T&gt;, vector&lt;T&gt;, %T, primitives, Type, ns.Type, bare ctor) or reports null.</summary>
    public TlTypeRef? Resolve(string type, TlDefinition owner)
    {
        switch (type)
        {
            case "int": return new TlTypeRef(TlTypeKind.Int);
            case "long": return new TlTypeRef(TlTypeKind.Long);
            case "double": return new TlTypeRef(TlTypeKind.Double);
            case "int128": return new TlTypeRef(TlTypeKind.Int128);
            case "int256": return new TlTypeRef(TlTypeKind.Int256);
            case "string": return new TlTypeRef(TlTypeKind.String);
            case "bytes": return new TlTypeRef(TlTypeKind.Bytes);
            case "Bool": return new TlTypeRef(TlTypeKind.Bool);
            case "true": return new TlTypeRef(TlTypeKind.True);
            case "#": return new TlTypeRef(TlTypeKind.FlagsWord);
        }

        if (owner.GenericParameter is not null && (type == "!" + owner.GenericParameter || type == owner.GenericParameter))
        {
            return new TlTypeRef(TlTypeKind.Query);
        }

        if (type.StartsWith("Vector<", StringComparison.Ordinal) && type.EndsWith(">", StringComparison.Ordinal))
        {
            var element = Resolve(type.Substring(7, type.Length - 8), owner);
            return element is null ? null : new TlTypeRef(TlTypeKind.Vector, element);
        }

        if (type.StartsWith("vector<", StringComparison.Ordinal) && type.EndsWith(">", StringComparison.Ordinal))
        {
            var element = Resolve(type.Substring(7, type.Length - 8), owner);
            return element is null ? null : new TlTypeRef(TlTypeKind.BareVector, element);
        }

        if (type.StartsWith("%", StringComparison.Ordinal))
        {
            // %Type: the bare form of a type with exactly one constructor.
            if (Types.TryGetValue(type.Substring(1), out var only) && only.Count == 1)
            {
                return new TlTypeRef(TlTypeKind.Bare, className: Qualified(only[0].ClassName));
            }

            return null;
        }

        if (TypeClassNames.TryGetValue(type, out var typeClass))
        {
            return new TlTypeRef(TlTypeKind.Boxed, className: Qualified(typeClass));
        }

        var dot = type.LastIndexOf('.');
        var local = dot >= 0 ? type.Substring(dot + 1) : type;
        if (local.Length > 0 && char.IsLower(local[0]) && _constructorsByName.TryGetValue(type, out var bare))
        {
            return new TlTypeRef(TlTypeKind.Bare, className: Qualified(bare.ClassName));
        }

        return null;
    }

    private void AssignClassNames()
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { Namespace.Substring(Namespace.LastIndexOf('.') + 1) + "Schema" };
        foreach (var def in Constructors)
        {
            def.ClassName = Unique(Pascal(def.Name), used);
        }

        // A type with a single constructor is that constructor's class (no abstract base to cast from).
        foreach (var type in TypeOrder)
        {
            TypeClassNames[type] = IsSingleConstructor(type) ? Types[type][0].ClassName : Unique(Pascal(type) + "Base", used);
        }

        foreach (var def in Methods)
        {
            def.ClassName = Unique(Pascal(def.Name) + "Request", used);
        }
    }

    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static void AssignPropertyNames(TlDefinition def)
    {
        var used = new HashSet<string>(s_reservedMembers, StringComparer.Ordinal) { def.ClassName };
        foreach (var p in def.Parameters)
        {
            var name = Pascal(p.Name);
            if (used.Contains(name))
            {
                name += "Value";
            }

            p.PropertyName = Unique(name, used);
        }
    }
}
