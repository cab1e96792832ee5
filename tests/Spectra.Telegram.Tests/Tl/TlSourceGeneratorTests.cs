using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Spectra.Telegram.Generator;

namespace Spectra.Telegram.Tests.Tl;

/// <summary>The generator on small schemas: what it emits, and the errors it reports for a broken schema.</summary>
public class TlSourceGeneratorTests
{
    [Fact]
    public void SmallSchema_GeneratesCompilableTypes()
    {
        var (diagnostics, sources) = Run("sample.tl", """
            // LAYER 7
            boolFalse#bc799737 = Bool;
            point#11111111 flags:# x:int y:flags.0?int label:flags.1?string hidden:flags.2?true = Shape;
            circle#22222222 r:double = Shape;
            box#33333333 shapes:Vector<Shape> = Box;
            ---functions---
            getShape#44444444 id:long = Shape;
            """);
        Assert.Empty(diagnostics);
        var all = string.Join("\n", sources);
        Assert.Contains("namespace Spectra.Telegram.Tl.Sample;", all, StringComparison.Ordinal);
        Assert.Contains("public const int Layer = 7;", all, StringComparison.Ordinal);
        Assert.Contains("public abstract partial class ShapeBase", all, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class Box : global::Spectra.Telegram.Tl.TlObject", all, StringComparison.Ordinal);
        Assert.Contains("public sealed partial class GetShapeRequest : global::Spectra.Telegram.Tl.TlMethod<global::Spectra.Telegram.Tl.Sample.ShapeBase>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("class BoolFalse", all, StringComparison.Ordinal);

        // The output compiles against the TL runtime without a single diagnostic.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Spectra.Telegram.Tl.TlObject).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "Generated",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("a#11111111 x:Missing = A;", "Unknown type 'Missing'")]
    [InlineData("a#11111111 x:flags.0?int = A;", "missing flags field 'flags'")]
    [InlineData("a#11111111 x:int = A;\nb#11111111 y:int = B;", "already used by a")]
    [InlineData("a#11111111 x:int = A", "not terminated")]
    [InlineData("a#11111111 flags:# x:flags.40?int = A;", "out of range")]
    [InlineData("---functions---\nf#11111111 = Nope;", "Unknown result type 'Nope'")]
    public void BrokenSchema_ReportsAnErrorAtTheLineAndGeneratesNothing(string schema, string expected)
    {
        var (diagnostics, sources) = Run("broken.tl", schema);
        var error = Assert.Single(diagnostics);
        Assert.Equal("TLGEN001", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(expected, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.EndsWith("broken.tl", error.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Empty(sources);
    }

    private static (ImmutableArray<Diagnostic> Diagnostics, List<string> Sources) Run(string fileName, string schema)
    {
        var compilation = CSharpCompilation.Create("GeneratorTest", references: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new TlSourceGenerator().AsSourceGenerator() }, new[] { new InMemoryText("/schema/" + fileName, schema) });
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult();
        return (result.Diagnostics, result.GeneratedTrees.Select(t => t.ToString()).ToList());
    }

    private sealed class InMemoryText : AdditionalText
    {
        private readonly string _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
    }
}
