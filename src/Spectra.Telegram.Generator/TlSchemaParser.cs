using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Spectra.Telegram.Generator;

/// <summary>
/// Parses TL schema text: one declaration per statement (ended by ';'), '//' comments, '---functions---' and
/// '---types---' section markers, and an optional '// LAYER n' comment that fixes the layer number.
/// </summary>
internal static class TlSchemaParser
{
    // Built into the TL runtime (TlReader/TlWriter), not generated.
    private static readonly HashSet<string> s_builtIn = new(StringComparer.Ordinal) { "boolFalse", "boolTrue", "true", "vector" };

    private static readonly Regex s_layer = new(@"^//\s*LAYER\s+(\d+)\s*$", RegexOptions.CultureInvariant);

    private static readonly Regex s_header = new(@"^([A-Za-z_][\w.]*)#([0-9a-fA-F]{1,8})$", RegexOptions.CultureInvariant);

    private static readonly Regex s_generic = new(@"^\{(\w+):Type\}$", RegexOptions.CultureInvariant);

    private static readonly Regex s_conditional = new(@"^(\w+)\.(\d+)\?(.+)$", RegexOptions.CultureInvariant);

    public static (List<TlDefinition> Definitions, int? Layer, List<TlSchemaError> Errors) Parse(string text)
    {
        var definitions = new List<TlDefinition>();
        var errors = new List<TlSchemaError>();
        int? layer = null;
        var isMethod = false;
        var statement = new StringBuilder();
        var statementLine = 0;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var trimmed = raw.Trim();
            var layerMatch = s_layer.Match(trimmed);
            if (layerMatch.Success)
            {
                layer = int.Parse(layerMatch.Groups[1].Value, CultureInfo.InvariantCulture);
                continue;
            }

            var comment = raw.IndexOf("//", StringComparison.Ordinal);
            var code = (comment >= 0 ? raw.Substring(0, comment) : raw).Trim();
            if (code.Length == 0)
            {
                continue;
            }

            if (code == "---functions---" || code == "---types---")
            {
                isMethod = code == "---functions---";
                continue;
            }

            if (statement.Length == 0)
            {
                statementLine = i + 1;
            }

            statement.Append(code).Append(' ');
            if (!code.EndsWith(";", StringComparison.Ordinal))
            {
                continue;
            }

            var decl = statement.ToString().Trim().TrimEnd(';').Trim();
            statement.Clear();
            var parsed = ParseDeclaration(decl, isMethod, statementLine, errors);
            if (parsed is not null)
            {
                definitions.Add(parsed);
            }
        }

        if (statement.Length > 0)
        {
            errors.Add(new TlSchemaError(statementLine, "Declaration is not terminated by ';'."));
        }

        return (definitions, layer, errors);
    }

    private static TlDefinition? ParseDeclaration(string decl, bool isMethod, int line, List<TlSchemaError> errors)
    {
        var eq = decl.LastIndexOf('=');
        if (eq < 0)
        {
            errors.Add(new TlSchemaError(line, "Declaration has no '= Type'."));
            return null;
        }

        var result = decl.Substring(eq + 1).Trim();
        var parts = decl.Substring(0, eq).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            errors.Add(new TlSchemaError(line, "Declaration has no name."));
            return null;
        }

        var header = s_header.Match(parts[0]);
        if (!header.Success)
        {
            // Declarations without an explicit id are not wire objects (or are built in); nothing to generate.
            return null;
        }

        var name = header.Groups[1].Value;
        if (s_builtIn.Contains(name))
        {
            return null;
        }

        var id = uint.Parse(header.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        string? generic = null;
        var parameters = new List<TlParameter>();
        for (var p = 1; p < parts.Length; p++)
        {
            var part = parts[p];
            var genericMatch = s_generic.Match(part);
            if (genericMatch.Success)
            {
                generic = genericMatch.Groups[1].Value;
                continue;
            }

            var colon = part.IndexOf(':');
            if (colon <= 0 || colon == part.Length - 1)
            {
                errors.Add(new TlSchemaError(line, "Cannot parse parameter '" + part + "' of " + name + "."));
                return null;
            }

            var paramName = part.Substring(0, colon);
            var type = part.Substring(colon + 1);
            var cond = s_conditional.Match(type);
            if (cond.Success)
            {
                var bit = int.Parse(cond.Groups[2].Value, CultureInfo.InvariantCulture);
                if (bit > 31)
                {
                    errors.Add(new TlSchemaError(line, "Flag bit " + bit + " of " + name + "." + paramName + " is out of range."));
                    return null;
                }

                parameters.Add(new TlParameter(paramName, cond.Groups[3].Value, cond.Groups[1].Value, bit));
            }
            else
            {
                parameters.Add(new TlParameter(paramName, type, null, 0));
            }
        }

        return new TlDefinition(name, id, parameters, result, isMethod, generic, line);
    }
}
