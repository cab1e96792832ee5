using Spectra.Core.Configuration;

namespace Spectra.Core.Tests.Configuration;

public sealed class PathRuleTests
{
    [Theory]
    [InlineData("storage.database", "../spectra.db", "'..'")]
    [InlineData("storage.media_dir", "archive/../../media", "'..'")]
    [InlineData("storage.media_dir", "archive\\\\..\\\\media", "'..'")]
    [InlineData("logging.directory", "/etc/spectra", "operating-system")]
    [InlineData("storage.database", "/proc/self/db", "operating-system")]
    [InlineData("storage.database", "/sys/x.db", "operating-system")]
    [InlineData("storage.media_dir", "/dev", "operating-system")]
    [InlineData("storage.media_dir", "C:\\\\Windows\\\\Temp", "operating-system")]
    [InlineData("storage.media_dir", "c:/windows", "operating-system")]
    [InlineData("logging.directory", "//etc/spectra", "operating-system")]
    [InlineData("storage.database", "/./proc/self/db", "operating-system")]
    [InlineData("storage.media_dir", "C://Windows/Temp", "operating-system")]
    public void Traversal_and_system_directories_fail(string field, string value, string expected)
    {
        var dot = field.IndexOf('.');
        var json = $"{{ \"{field[..dot]}\": {{ \"{field[(dot + 1)..]}\": \"{value}\" }} }}";
        var finding = FindingAssertions.Single(ConfigFixture.ValidateJson(json), ConfigCheck.Paths, FindingStatus.Fail, field);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("archive/spectra.db")]
    [InlineData("/var/lib/spectra/spectra.db")]
    [InlineData("/etcetera/spectra.db")]
    [InlineData("..data/spectra.db")]
    [InlineData("D:\\\\Archive\\\\spectra.db")]
    public void Ordinary_paths_pass(string value)
    {
        var findings = ConfigFixture.ValidateJson($"{{ \"storage\": {{ \"database\": \"{value}\" }} }}");
        Assert.Contains(findings, f => f.Check == ConfigCheck.Paths && f.Status == FindingStatus.Pass);
    }

    [Fact]
    public void Session_paths_are_checked_and_variables_are_checked_too()
    {
        var findings = ConfigFixture.ValidateJson("{ \"accounts\": [ { \"name\": \"a\", \"session\": \"/etc/a.session\" } ] }",
            new Dictionary<string, string> { ["SPECTRA_DB_PATH"] = "../../x.db" });
        FindingAssertions.Single(findings, ConfigCheck.Paths, FindingStatus.Fail, "accounts[0].session");
        var db = FindingAssertions.Single(findings, ConfigCheck.Paths, FindingStatus.Fail, "storage.database");
        Assert.Equal("$env:SPECTRA_DB_PATH", db.Location);
    }
}
