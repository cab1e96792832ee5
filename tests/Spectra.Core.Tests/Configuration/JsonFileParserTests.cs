using Spectra.Core.Errors;

namespace Spectra.Core.Tests.Configuration;

public sealed class JsonFileParserTests
{
    private static SpectraException ParseError(string json)
    {
        using var fixture = new ConfigFixture().WithFile(json);
        return Assert.Throws<SpectraException>(() => fixture.Load());
    }

    [Fact]
    public void Malformed_json_names_file_line_and_field()
    {
        using var fixture = new ConfigFixture().WithFile("{\n  \"archive\": {\n    \"batch_size\": 10,\n    \"max_concurrent_downloads\": ,\n  }\n}");
        var ex = Assert.Throws<SpectraException>(() => fixture.Load());
        Assert.Equal("ConfigParseError", ex.ErrorId);
        Assert.Equal(SpectraErrorCategory.ParserError, ex.Category);
        Assert.Equal(fixture.ConfigPath, ex.Location!.File);
        Assert.Equal(4, ex.Location.Line);
        Assert.Equal("archive.max_concurrent_downloads", ex.Location.Field);
        Assert.StartsWith($"{fixture.ConfigPath}:4", ex.DetailedMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Fix);
    }

    [Fact]
    public void A_missing_closing_brace_is_reported_at_the_end()
    {
        var ex = ParseError("{\n\"storage\": {\n\"database\": \"a.db\"\n}\n");
        Assert.Equal("ConfigParseError", ex.ErrorId);
        Assert.True(ex.Location!.Line >= 4, $"line {ex.Location.Line}");
    }

    [Fact]
    public void Duplicate_keys_are_an_error_on_the_second_occurrence()
    {
        var ex = ParseError("{\n\"logging\": {},\n\"logging\": {}\n}");
        Assert.Equal(3, ex.Location!.Line);
        Assert.Contains("appears twice", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{} {}", "after the closing brace")]
    public void Files_that_are_not_one_object_are_rejected(string json, string expected)
    {
        var ex = ParseError(json);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_trailing_commas_and_a_byte_order_mark_are_accepted()
    {
        using var fixture = new ConfigFixture().WithFile("\uFEFF/* block */ {\n // line\n \"archive\": { \"batch_size\": 9, },\n}");
        var config = fixture.Load();
        Assert.Equal(3, config.OriginOf("archive.batch_size").Line);
    }

    [Fact]
    public void Array_items_get_their_own_lines()
    {
        using var fixture = new ConfigFixture().WithFile("{\n\"targets\": [\n  { \"entity\": \"@abcde\" },\n  {\n    \"entity\": \"@fghij\"\n  }\n]\n}");
        var config = fixture.Load();
        Assert.Equal(3, config.OriginOf("targets[0].entity").Line);
        Assert.Equal(4, config.OriginOf("targets[1]").Line);
        Assert.Equal(5, config.OriginOf("targets[1].entity").Line);
    }

    [Fact]
    public void A_parse_error_next_to_a_secret_does_not_quote_it()
    {
        const string hash = "5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8f";
        var ex = ParseError("{ \"accounts\": [ { \"name\": \"a\", \"api_hash\": " + hash + " } ] }");
        Assert.DoesNotContain(hash, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, ex.DetailedMessage, StringComparison.Ordinal);
        Assert.Equal("accounts[0].api_hash", ex.Location!.Field);
    }

    [Theory]
    [InlineData("{\n\"storage\": {\n\"database\": \"caf\u00e9.db\"\n}\n}", 3, "storage.database")]
    [InlineData("{\n\"storage\": {\n\"caf\u00e9\": \"a.db\"\n}\n}", 3, "storage")]
    public void Text_that_is_not_utf8_is_a_parse_error_with_line_and_field(string json, int line, string field)
    {
        // A file saved in a legacy code page (Latin-1 here): the bytes of the accented letter are not UTF-8.
        using var fixture = new ConfigFixture();
        File.WriteAllBytes(fixture.ConfigPath, System.Text.Encoding.Latin1.GetBytes(json));
        var ex = Assert.Throws<SpectraException>(() => fixture.Load());
        Assert.Equal("ConfigParseError", ex.ErrorId);
        Assert.Equal(SpectraErrorCategory.ParserError, ex.Category);
        Assert.Equal(line, ex.Location!.Line);
        Assert.Equal(field, ex.Location.Field);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", ex.Fix, StringComparison.Ordinal);
    }
}
