using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Spectra.Telegram.Generator;

/// <summary>Writes the C# source for one <see cref="TlModel"/>: types, constructors, methods and the schema registry.</summary>
internal sealed class TlEmitter
{
    private const string Rt = "global::Spectra.Telegram.Tl.";
    private const string ListType = "global::System.Collections.Generic.List";

    private readonly TlModel _model;
    private readonly string _schemaClass;

    public TlEmitter(TlModel model)
    {
        _model = model;
        _schemaClass = model.Namespace.Substring(model.Namespace.LastIndexOf('.') + 1) + "Schema";
    }

    public string SchemaClass => _schemaClass;

    public string EmitTypes()
    {
        var sb = Header();
        foreach (var type in _model.TypeOrder.Where(t => !_model.IsSingleConstructor(t)))
        {
            var cls = _model.TypeClassNames[type];
            var ctors = _model.Types[type];
            sb.Append("/// <summary>TL type <c>").Append(Xml(type)).Append("</c>: ")
                .Append(string.Join(", ", ctors.Select(c => "<see cref=\"" + c.ClassName + "\"/>"))).Append(".</summary>\n");
            sb.Append("public abstract partial class ").Append(cls).Append(" : ").Append(Rt).Append("TlObject\n{\n");
            sb.Append("    /// <summary>Reads a boxed ").Append(Xml(type)).Append(" (constructor id first; gzip_packed is unpacked transparently).</summary>\n");
            sb.Append("    public static ").Append(cls).Append(" ReadBoxed(").Append(Rt).Append("TlReader reader) => reader.ReadObject(ReadBody);\n\n");
            sb.Append("    private static ").Append(cls).Append(" ReadBody(").Append(Rt).Append("TlReader reader, uint id) => id switch\n    {\n");
            foreach (var c in ctors)
            {
                sb.Append("        ").Append(Hex(c.Id)).Append(" => ").Append(c.ClassName).Append(".ReadBare(reader),\n");
            }

            sb.Append("        _ => throw new ").Append(Rt).Append("UnknownConstructorException(id, \"").Append(type).Append("\"),\n    };\n}\n\n");
        }

        return sb.ToString();
    }

    public string EmitConstructors()
    {
        var sb = Header();
        foreach (var def in _model.Constructors)
        {
            var single = _model.IsSingleConstructor(def.ResultType);
            EmitClass(sb, def, single ? Rt + "TlObject" : _model.TypeClassNames[def.ResultType], null, single);
        }

        return sb.ToString();
    }

    public string EmitMethods()
    {
        var sb = Header();
        foreach (var def in _model.Methods)
        {
            string resultCs;
            if (def.GenericParameter is not null && def.ResultType == def.GenericParameter)
            {
                resultCs = "TResult";
            }
            else
            {
                var result = _model.Resolve(def.ResultType, def);
                if (result is null)
                {
                    _model.Errors.Add(new TlSchemaError(def.Line, "Unknown result type '" + def.ResultType + "' of " + def.Name + "."));
                    continue;
                }

                resultCs = CsType(result);
            }

            EmitClass(sb, def, Rt + "TlMethod<" + resultCs + ">", resultCs);
        }

        return sb.ToString();
    }

    public string EmitSchema()
    {
        var sb = Header();
        sb.Append("/// <summary>Registry of every constructor and method of this schema, for reading objects whose type is not known in advance.</summary>\n");
        sb.Append("public static partial class ").Append(_schemaClass).Append("\n{\n");
        if (_model.Layer is int layer)
        {
            sb.Append("    /// <summary>The API layer these declarations belong to (from the schema file's LAYER line).</summary>\n");
            sb.Append("    public const int Layer = ").Append(layer.ToString(CultureInfo.InvariantCulture)).Append(";\n\n");
        }

        sb.Append("    public const int ConstructorCount = ").Append(_model.Constructors.Count.ToString(CultureInfo.InvariantCulture)).Append(";\n\n");
        sb.Append("    public const int MethodCount = ").Append(_model.Methods.Count.ToString(CultureInfo.InvariantCulture)).Append(";\n\n");
        sb.Append("    /// <summary>Every constructor id of this schema, in declaration order.</summary>\n");
        sb.Append("    public static global::System.Collections.Generic.IReadOnlyList<uint> ConstructorIds { get; } = new uint[]\n    {\n");
        foreach (var def in _model.Constructors)
        {
            sb.Append("        ").Append(Hex(def.Id)).Append(",\n");
        }

        sb.Append("    };\n\n");
        sb.Append("    /// <summary>Every method id of this schema, in declaration order.</summary>\n");
        sb.Append("    public static global::System.Collections.Generic.IReadOnlyList<uint> MethodIds { get; } = new uint[]\n    {\n");
        foreach (var def in _model.Methods)
        {
            sb.Append("        ").Append(Hex(def.Id)).Append(",\n");
        }

        sb.Append("    };\n\n");
        sb.Append("    /// <summary>Reads any boxed constructor of this schema.</summary>\n");
        sb.Append("    public static ").Append(Rt).Append("TlObject ReadObject(").Append(Rt).Append("TlReader reader) => reader.ReadObject(ReadObjectBody);\n\n");
        sb.Append("    /// <summary>Reads any method call of this schema (the server side of a request).</summary>\n");
        sb.Append("    public static ").Append(Rt).Append("TlMethod ReadMethod(").Append(Rt).Append("TlReader reader) => reader.ReadObject(ReadMethodBody);\n\n");
        sb.Append("    /// <summary>The TL name of a constructor or method id, or null when this schema does not know it.</summary>\n");
        sb.Append("    public static string? NameOf(uint id) => id switch\n    {\n");
        foreach (var def in _model.Constructors.Concat(_model.Methods).GroupBy(d => d.Id).Select(g => g.First()))
        {
            sb.Append("        ").Append(Hex(def.Id)).Append(" => \"").Append(def.Name).Append("\",\n");
        }

        sb.Append("        _ => null,\n    };\n\n");
        sb.Append("    private static ").Append(Rt).Append("TlObject ReadObjectBody(").Append(Rt).Append("TlReader reader, uint id) => id switch\n    {\n");
        foreach (var def in _model.Constructors)
        {
            sb.Append("        ").Append(Hex(def.Id)).Append(" => ").Append(def.ClassName).Append(".ReadBare(reader),\n");
        }

        sb.Append("        _ => throw new ").Append(Rt).Append("UnknownConstructorException(id, \"Object\"),\n    };\n\n");
        sb.Append("    private static ").Append(Rt).Append("TlMethod ReadMethodBody(").Append(Rt).Append("TlReader reader, uint id) => id switch\n    {\n");
        foreach (var def in _model.Methods)
        {
            sb.Append("        ").Append(Hex(def.Id)).Append(" => ").Append(def.ClassName).Append(def.GenericParameter is null ? "" : "<object?>").Append(".ReadBare(reader),\n");
        }

        sb.Append("        _ => throw new ").Append(Rt).Append("UnknownConstructorException(id, \"method\"),\n    };\n}\n");
        return sb.ToString();
    }

    private StringBuilder Header()
    {
        var sb = new StringBuilder();
        sb.Append("// <auto-generated/>\n// Generated by Spectra.Telegram.Generator from the TL schema; do not edit.\n#nullable enable\n\n");
        sb.Append("namespace ").Append(_model.Namespace).Append(";\n\n");
        return sb;
    }

    private void EmitClass(StringBuilder sb, TlDefinition def, string baseClass, string? resultCs, bool boxedReader = false)
    {
        var resolved = new List<(TlParameter Param, TlTypeRef Type)>();
        foreach (var p in def.Parameters)
        {
            var t = _model.Resolve(p.Type, def);
            if (t is null)
            {
                _model.Errors.Add(new TlSchemaError(def.Line, "Unknown type '" + p.Type + "' of " + def.Name + "." + p.Name + "."));
                return;
            }

            if (p.IsConditional && !def.Parameters.Any(f => f.Name == p.FlagField && f.IsFlagsWord))
            {
                _model.Errors.Add(new TlSchemaError(def.Line, def.Name + "." + p.Name + " refers to a missing flags field '" + p.FlagField + "'."));
                return;
            }

            resolved.Add((p, t));
        }

        var generic = def.IsMethod && def.GenericParameter is not null;
        var cls = def.ClassName + (generic ? "<TResult>" : "");
        sb.Append("/// <summary>TL ").Append(def.IsMethod ? "method" : "constructor").Append(" <c>").Append(Xml(def.Name)).Append('#').Append(def.Id.ToString("x8", CultureInfo.InvariantCulture))
            .Append("</c>").Append(def.IsMethod ? "" : " of type <c>" + Xml(def.ResultType) + "</c>").Append(".</summary>\n");
        sb.Append("public sealed partial class ").Append(cls).Append(" : ").Append(baseClass).Append("\n{\n");
        sb.Append("    public const uint TlConstructorId = ").Append(Hex(def.Id)).Append(";\n\n");
        sb.Append("    public override uint ConstructorId => TlConstructorId;\n\n");
        if (boxedReader)
        {
            sb.Append("    /// <summary>Reads a boxed ").Append(Xml(def.ResultType)).Append(" (its only constructor; gzip_packed is unpacked transparently).</summary>\n");
            sb.Append("    public static ").Append(cls).Append(" ReadBoxed(").Append(Rt).Append("TlReader reader) => reader.ReadObject(ReadBoxedBody);\n\n");
            sb.Append("    private static ").Append(cls).Append(" ReadBoxedBody(").Append(Rt).Append("TlReader reader, uint id) => id == TlConstructorId\n");
            sb.Append("        ? ReadBare(reader)\n        : throw new ").Append(Rt).Append("UnknownConstructorException(id, \"").Append(def.ResultType).Append("\");\n\n");
        }

        foreach (var (p, t) in resolved)
        {
            if (p.IsFlagsWord)
            {
                continue;
            }

            if (t.Kind == TlTypeKind.True)
            {
                sb.Append("    public bool ").Append(p.PropertyName).Append(" { get; set; }\n\n");
            }
            else if (p.IsConditional)
            {
                sb.Append("    public ").Append(CsType(t)).Append("? ").Append(p.PropertyName).Append(" { get; set; }\n\n");
            }
            else
            {
                sb.Append("    public ").Append(CsType(t)).Append(' ').Append(p.PropertyName).Append(" { get; set; }").Append(Initializer(t)).Append("\n\n");
            }
        }

        // Writer: every flags word is computed from field presence first, then the fields go out in order.
        sb.Append("    public override void WriteBody(").Append(Rt).Append("TlWriter writer)\n    {\n");
        foreach (var (p, _) in resolved.Where(x => x.Param.IsFlagsWord))
        {
            sb.Append("        uint ").Append(FlagLocal(p.Name)).Append(" = 0;\n");
            foreach (var (c, ct) in resolved.Where(x => x.Param.FlagField == p.Name))
            {
                var test = ct.Kind == TlTypeKind.True ? c.PropertyName : c.PropertyName + " is not null";
                sb.Append("        if (").Append(test).Append(") ").Append(FlagLocal(p.Name)).Append(" |= ").Append(Bit(c.FlagBit)).Append(";\n");
            }
        }

        foreach (var (p, t) in resolved)
        {
            if (p.IsFlagsWord)
            {
                sb.Append("        writer.WriteUInt(").Append(FlagLocal(p.Name)).Append(");\n");
            }
            else if (t.Kind == TlTypeKind.True)
            {
                continue;
            }
            else if (p.IsConditional)
            {
                sb.Append("        if ((").Append(FlagLocal(p.FlagField!)).Append(" & ").Append(Bit(p.FlagBit)).Append(") != 0) ")
                    .Append(WriteStatement(t, ConditionalValue(t, def, p), "writer", 0)).Append(";\n");
            }
            else
            {
                sb.Append("        ").Append(WriteStatement(t, RequiredValue(t, def, p), "writer", 0)).Append(";\n");
            }
        }

        sb.Append("    }\n\n");

        // Reader of the bare body (the constructor id has already been consumed by the caller's dispatch).
        sb.Append("    public static ").Append(cls).Append(" ReadBare(").Append(Rt).Append("TlReader reader)\n    {\n");
        sb.Append("        var obj = new ").Append(cls).Append("();\n");
        foreach (var (p, t) in resolved)
        {
            if (p.IsFlagsWord)
            {
                sb.Append("        var ").Append(FlagLocal(p.Name)).Append(" = reader.ReadUInt();\n");
            }
            else if (t.Kind == TlTypeKind.True)
            {
                if (p.IsConditional)
                {
                    sb.Append("        obj.").Append(p.PropertyName).Append(" = (").Append(FlagLocal(p.FlagField!)).Append(" & ").Append(Bit(p.FlagBit)).Append(") != 0;\n");
                }
            }
            else if (p.IsConditional)
            {
                sb.Append("        if ((").Append(FlagLocal(p.FlagField!)).Append(" & ").Append(Bit(p.FlagBit)).Append(") != 0) obj.")
                    .Append(p.PropertyName).Append(" = ").Append(ReadExpression(t, "reader", 0)).Append(";\n");
            }
            else
            {
                sb.Append("        obj.").Append(p.PropertyName).Append(" = ").Append(ReadExpression(t, "reader", 0)).Append(";\n");
            }
        }

        sb.Append("        return obj;\n    }\n");
        if (resultCs is not null)
        {
            sb.Append("\n    public override ").Append(resultCs).Append(" ReadResult(").Append(Rt).Append("TlReader reader) => ");
            if (resultCs == "TResult")
            {
                var query = resolved.FirstOrDefault(x => x.Type.Kind == TlTypeKind.Query).Param;
                sb.Append(query is null
                    ? "throw new " + Rt + "TlException(\"" + def.Name + " has no inner query.\")"
                    : "(TResult)" + query.PropertyName + ".ReadResultObject(reader)!");
            }
            else
            {
                var result = _model.Resolve(def.ResultType, def)!;
                var read = ReadExpression(result, "r0", 1);
                sb.Append(result.Kind == TlTypeKind.Boxed ? ReadExpression(result, "reader", 0) : "reader.ReadMaybeGzipped(static r0 => " + read + ")");
            }

            sb.Append(";\n");
        }

        sb.Append("}\n\n");
    }

    private string CsType(TlTypeRef t) => t.Kind switch
    {
        TlTypeKind.Int => "int",
        TlTypeKind.Long => "long",
        TlTypeKind.Double => "double",
        TlTypeKind.Int128 or TlTypeKind.Int256 or TlTypeKind.Bytes => "byte[]",
        TlTypeKind.String => "string",
        TlTypeKind.Bool or TlTypeKind.True => "bool",
        TlTypeKind.Vector or TlTypeKind.BareVector => ListType + "<" + CsType(t.Element!) + ">",
        TlTypeKind.Query => Rt + "TlMethod",
        _ => t.ClassName!,
    };

    private string Initializer(TlTypeRef t) => t.Kind switch
    {
        TlTypeKind.String => " = \"\";",
        TlTypeKind.Bytes => " = global::System.Array.Empty<byte>();",
        TlTypeKind.Int128 => " = new byte[16];",
        TlTypeKind.Int256 => " = new byte[32];",
        TlTypeKind.Vector or TlTypeKind.BareVector => " = new();",
        TlTypeKind.Boxed or TlTypeKind.Bare or TlTypeKind.Query => " = null!;",
        _ => "",
    };

    private string ReadExpression(TlTypeRef t, string reader, int depth) => t.Kind switch
    {
        TlTypeKind.Int => reader + ".ReadInt()",
        TlTypeKind.Long => reader + ".ReadLong()",
        TlTypeKind.Double => reader + ".ReadDouble()",
        TlTypeKind.Int128 => reader + ".ReadRaw(16)",
        TlTypeKind.Int256 => reader + ".ReadRaw(32)",
        TlTypeKind.String => reader + ".ReadString()",
        TlTypeKind.Bytes => reader + ".ReadBytes()",
        TlTypeKind.Bool => reader + ".ReadBool()",
        TlTypeKind.True => "true",
        TlTypeKind.Vector => reader + ".ReadVector(static r" + (depth + 1) + " => " + ReadExpression(t.Element!, "r" + (depth + 1), depth + 1) + ")",
        TlTypeKind.BareVector => reader + ".ReadBareVector(static r" + (depth + 1) + " => " + ReadExpression(t.Element!, "r" + (depth + 1), depth + 1) + ")",
        TlTypeKind.Boxed => t.ClassName + ".ReadBoxed(" + reader + ")",
        TlTypeKind.Bare => reader + ".ReadNested(" + t.ClassName + ".ReadBare)",
        TlTypeKind.Query => "global::" + _model.Namespace + "." + _schemaClass + ".ReadMethod(" + reader + ")",
        _ => "default!",
    };

    private static string WriteStatement(TlTypeRef t, string value, string writer, int depth)
    {
        var w = "w" + (depth + 1);
        var x = "x" + (depth + 1);
        return t.Kind switch
        {
            TlTypeKind.Int => writer + ".WriteInt(" + value + ")",
            TlTypeKind.Long => writer + ".WriteLong(" + value + ")",
            TlTypeKind.Double => writer + ".WriteDouble(" + value + ")",
            TlTypeKind.Int128 => writer + ".WriteInt128(" + value + ")",
            TlTypeKind.Int256 => writer + ".WriteInt256(" + value + ")",
            TlTypeKind.String => writer + ".WriteString(" + value + ")",
            TlTypeKind.Bytes => writer + ".WriteBytes(" + value + ")",
            TlTypeKind.Bool => writer + ".WriteBool(" + value + ")",
            TlTypeKind.Vector => writer + ".WriteVector(" + value + ", static (" + w + ", " + x + ") => " + WriteStatement(t.Element!, x, w, depth + 1) + ")",
            TlTypeKind.BareVector => writer + ".WriteBareVector(" + value + ", static (" + w + ", " + x + ") => " + WriteStatement(t.Element!, x, w, depth + 1) + ")",
            TlTypeKind.Bare => value + ".WriteBody(" + writer + ")",
            _ => value + ".Write(" + writer + ")",
        };
    }

    private static string RequiredValue(TlTypeRef t, TlDefinition def, TlParameter p) => t.Kind switch
    {
        TlTypeKind.Boxed or TlTypeKind.Bare or TlTypeKind.Query or TlTypeKind.String or TlTypeKind.Bytes or TlTypeKind.Int128
            or TlTypeKind.Int256 or TlTypeKind.Vector or TlTypeKind.BareVector => "(" + p.PropertyName + " ?? throw " + Missing(def, p) + ")",
        _ => p.PropertyName,
    };

    // A flag bit shared by several fields (e.g. message views/forwards) is set when any of them is present; the
    // absent ones then go out as their zero value, as the bit promises a value for each.
    private string ConditionalValue(TlTypeRef t, TlDefinition def, TlParameter p) => t.Kind switch
    {
        TlTypeKind.Int or TlTypeKind.Long or TlTypeKind.Double or TlTypeKind.Bool => p.PropertyName + ".GetValueOrDefault()",
        TlTypeKind.String => "(" + p.PropertyName + " ?? \"\")",
        TlTypeKind.Bytes => "(" + p.PropertyName + " ?? global::System.Array.Empty<byte>())",
        TlTypeKind.Int128 => "(" + p.PropertyName + " ?? new byte[16])",
        TlTypeKind.Int256 => "(" + p.PropertyName + " ?? new byte[32])",
        TlTypeKind.Vector or TlTypeKind.BareVector => "(" + p.PropertyName + " ?? new " + CsType(t) + "())",
        _ => "(" + p.PropertyName + " ?? throw " + Missing(def, p) + ")",
    };

    private static string Missing(TlDefinition def, TlParameter p) =>
        "new " + Rt + "TlException(\"" + def.Name + "." + p.Name + " must be set to serialize this object.\")";

    private static string FlagLocal(string name) => "f_" + name;

    private static string Bit(int bit) => (1u << bit).ToString(CultureInfo.InvariantCulture) + "u";

    private static string Hex(uint id) => "0x" + id.ToString("x8", CultureInfo.InvariantCulture) + "u";

    private static string Xml(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
