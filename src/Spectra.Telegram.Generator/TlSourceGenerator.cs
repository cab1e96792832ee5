using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Spectra.Telegram.Generator;

/// <summary>
/// Incremental generator: each AdditionalFiles item ending in ".tl" becomes one C# namespace
/// (api.tl -> Spectra.Telegram.Tl.Api, mtproto.tl -> Spectra.Telegram.Tl.Mtproto). Only the file name and text
/// flow through the pipeline, so a build that does not touch a schema reuses the previous output.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TlSourceGenerator : IIncrementalGenerator
{
    private static readonly DiagnosticDescriptor s_schemaError = new(
        "TLGEN001", "TL schema error", "{0}", "Spectra.Telegram.Generator", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemas = context.AdditionalTextsProvider
            .Where(static f => f.Path.EndsWith(".tl", StringComparison.OrdinalIgnoreCase))
            .Select(static (f, ct) => (Path: f.Path, Text: f.GetText(ct)?.ToString() ?? ""));
        context.RegisterSourceOutput(schemas, static (spc, schema) => Generate(spc, schema.Path, schema.Text));
    }

    private static void Generate(SourceProductionContext context, string path, string text)
    {
        var fileName = Path.GetFileNameWithoutExtension(path);
        var prefix = TlModel.Pascal(fileName.Replace('-', '_'));
        var (definitions, layer, errors) = TlSchemaParser.Parse(text);
        var model = new TlModel("Spectra.Telegram.Tl." + prefix, definitions, layer, errors);
        var emitter = new TlEmitter(model);
        var types = emitter.EmitTypes();
        var constructors = emitter.EmitConstructors();
        var methods = emitter.EmitMethods();
        var schema = emitter.EmitSchema();
        foreach (var error in model.Errors)
        {
            var span = new LinePositionSpan(new LinePosition(Math.Max(0, error.Line - 1), 0), new LinePosition(Math.Max(0, error.Line - 1), 0));
            var location = Location.Create(path, new TextSpan(0, 0), span);
            context.ReportDiagnostic(Diagnostic.Create(s_schemaError, location, error.Message));
        }

        if (model.Errors.Count > 0)
        {
            return;
        }

        context.AddSource(prefix + ".Types.g.cs", SourceText.From(types, Encoding.UTF8));
        context.AddSource(prefix + ".Constructors.g.cs", SourceText.From(constructors, Encoding.UTF8));
        context.AddSource(prefix + ".Methods.g.cs", SourceText.From(methods, Encoding.UTF8));
        context.AddSource(prefix + ".Schema.g.cs", SourceText.From(schema, Encoding.UTF8));
    }
}
