using Spectra.Core.Configuration;

namespace Spectra.Core.Tests.Configuration;

public sealed class DotEnvParserTests
{
    private static Dictionary<string, string> Values(string text) =>
        DotEnvParser.Parse(".env", text).Entries.ToDictionary(e => e.Name, e => e.Value);

    [Theory]
    [InlineData("export\tTABBED=yes")]
    [InlineData("export \t TABBED=yes")]
    [InlineData("\texport\t\tTABBED=yes")]
    public void Export_may_be_followed_by_any_blanks_as_in_bash(string line)
    {
        var file = DotEnvParser.Parse(".env", line);
        Assert.Empty(file.Problems);
        Assert.Equal("yes", Assert.Single(file.Entries, e => e.Name == "TABBED").Value);
    }

    [Fact]
    public void A_name_that_merely_starts_with_export_is_an_ordinary_name()
    {
        Assert.Equal("yes", Values("exported=yes")["exported"]);
    }

    [Fact]
    public void Reads_plain_quoted_and_exported_assignments()
    {
        var values = Values("""
            # comment line
            PLAIN=value
            SPACED = padded value   
            export EXPORTED=yes
            SINGLE='literal $x # not a comment \n'
            DOUBLE="line\nnext \"quoted\" \\ end"
            EMPTY=
            """);
        Assert.Equal("value", values["PLAIN"]);
        Assert.Equal("padded value", values["SPACED"]);
        Assert.Equal("yes", values["EXPORTED"]);
        Assert.Equal("literal $x # not a comment \\n", values["SINGLE"]);
        Assert.Equal("line\nnext \"quoted\" \\ end", values["DOUBLE"]);
        Assert.Equal(string.Empty, values["EMPTY"]);
    }

    [Fact]
    public void Inline_comments_need_whitespace_before_the_hash()
    {
        var values = Values("A=value # comment\nB=value#not-a-comment\nC=\"quoted\" # comment\n");
        Assert.Equal("value", values["A"]);
        Assert.Equal("value#not-a-comment", values["B"]);
        Assert.Equal("quoted", values["C"]);
    }

    [Fact]
    public void Records_line_numbers_including_blank_and_comment_lines()
    {
        var file = DotEnvParser.Parse(".env", "\n# c\r\nA=1\r\n\r\nB=2\n");
        Assert.Equal(3, file.Entries[0].Line);
        Assert.Equal(5, file.Entries[1].Line);
    }

    [Theory]
    [InlineData("JUSTTEXT", "not a KEY=VALUE")]
    [InlineData("=value", "not a KEY=VALUE")]
    [InlineData("1BAD=x", "name is not valid")]
    [InlineData("BAD-NAME=x", "name is not valid")]
    [InlineData("Q=\"open", "no closing")]
    [InlineData("Q='a' trailing", "text after the closing quote")]
    public void Unreadable_lines_become_problems_with_their_line(string line, string expected)
    {
        var file = DotEnvParser.Parse(".env", "OK=1\n" + line + "\n");
        var problem = Assert.Single(file.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.Single(file.Entries);
    }

    [Fact]
    public void Problem_messages_never_repeat_the_value()
    {
        const string secret = "5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8f";
        var file = DotEnvParser.Parse(".env", $"TG_API_HASH=\"{secret}\n TG_API_HASH='{secret}' extra\n");
        Assert.Equal(2, file.Problems.Count);
        Assert.All(file.Problems, p => Assert.DoesNotContain(secret, p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_dotEnv_line_is_an_Environment_failure_with_its_location()
    {
        using var fixture = new ConfigFixture().WithDotEnv("TG_API_ID=2718281\nthis is wrong\n");
        var findings = fixture.Validate();
        var finding = FindingAssertions.Single(findings, ConfigCheck.Environment, FindingStatus.Fail, ".env");
        Assert.Equal($"{fixture.DotEnvPath}:2", finding.Location);
    }

    [Fact]
    public void Only_recognised_dotEnv_variables_are_applied()
    {
        using var fixture = new ConfigFixture().WithDotEnv("UNRELATED=1\nSPECTRA_ARCHIVE__BATCH_SIZE=77\n");
        var config = fixture.Load();
        Assert.Equal(77, config.Bind().Archive.BatchSize);
        Assert.Equal(ConfigSource.DotEnv, config.OriginOf("archive.batch_size").Source);
        Assert.Equal($"{fixture.DotEnvPath}:2 (SPECTRA_ARCHIVE__BATCH_SIZE)", config.OriginOf("archive.batch_size").Location);
    }
}
