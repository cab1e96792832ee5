using Spectra.Core.Configuration;
using Spectra.Core.Configuration.Rules;

namespace Spectra.Core.Tests.Configuration;

public sealed class TargetRuleTests
{
    [Theory]
    [InlineData("@telegram")]
    [InlineData("@durov_channel1")]
    [InlineData("https://t.me/durov")]
    [InlineData("t.me/durov/123")]
    [InlineData("http://telegram.me/durov")]
    [InlineData("https://t.me/+AbCdEfGhIjKlMnOp")]
    [InlineData("https://t.me/joinchat/AAAAAEHbEkejzxUjAUCzYA")]
    [InlineData("-1001234567890")]
    [InlineData("777000")]
    public void Valid_entities_pass(string entity)
    {
        Assert.True(TargetRules.IsValidEntity(entity));
        var findings = ConfigFixture.ValidateJson($"{{ \"targets\": [ {{ \"entity\": \"{entity}\" }} ] }}");
        Assert.Contains(findings, f => f.Check == ConfigCheck.Targets && f.Status == FindingStatus.Pass);
    }

    [Theory]
    [InlineData("telegram")]              // bare name: write @telegram
    [InlineData("@abc")]                  // too short
    [InlineData("@1channel")]             // starts with a digit
    [InlineData("@channel_")]             // trailing underscore
    [InlineData("@has space")]
    [InlineData("https://example.com/durov")]
    [InlineData("https://t.me/+short")]   // invite hash too short
    [InlineData("0")]
    [InlineData("-100abc")]
    [InlineData("12345678901234567890123")]
    public void Invalid_entities_fail(string entity)
    {
        Assert.False(TargetRules.IsValidEntity(entity));
        var finding = FindingAssertions.Single(ConfigFixture.ValidateJson($"{{ \"targets\": [ {{ \"entity\": \"{entity}\" }} ] }}"),
            ConfigCheck.Targets, FindingStatus.Fail, "targets[0].entity");
        Assert.Contains("@username", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("01/02/2024")]
    [InlineData("yesterday!")]
    public void Unreadable_dates_fail(string date)
    {
        FindingAssertions.Single(ConfigFixture.ValidateJson($"{{ \"targets\": [ {{ \"entity\": \"@abcde\", \"until\": \"{date}\" }} ] }}"),
            ConfigCheck.Targets, FindingStatus.Fail, "targets[0].until");
    }

    [Fact]
    public void No_targets_warns()
    {
        FindingAssertions.Single(ConfigFixture.ValidateJson("{}"), ConfigCheck.Targets, FindingStatus.Warn, "targets");
    }

    [Fact]
    public void Duplicate_targets_and_ignored_media_options_warn()
    {
        var findings = ConfigFixture.ValidateJson("{ \"targets\": [ { \"entity\": \"@abcde\" }, { \"entity\": \"@ABCDE\", \"media\": false, \"media_types\": [\"photo\"] } ] }");
        FindingAssertions.Single(findings, ConfigCheck.Targets, FindingStatus.Warn, "targets[1].entity");
        FindingAssertions.Single(findings, ConfigCheck.Targets, FindingStatus.Warn, "targets[1].media");
    }

    [Theory]
    [InlineData("@channel1", "https://t.me/channel1")]
    [InlineData("@channel1", "t.me/channel1")]
    [InlineData("https://t.me/Channel1", "http://telegram.me/channel1/")]
    [InlineData("t.me/channel1/42", "@CHANNEL1")]
    [InlineData("https://t.me/+AbCdEfGhIjKl", "t.me/joinchat/AbCdEfGhIjKl")]
    [InlineData("-1001234567890", " -1001234567890 ")]
    public void Different_forms_of_the_same_chat_are_duplicates(string first, string second)
    {
        var findings = ConfigFixture.ValidateJson($"{{ \"targets\": [ {{ \"entity\": \"{first}\" }}, {{ \"entity\": \"{second}\" }} ] }}");
        var finding = FindingAssertions.Single(findings, ConfigCheck.Targets, FindingStatus.Warn, "targets[1].entity");
        Assert.Contains("same chat as targets[0].entity", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@channel1", "@channel2")]
    [InlineData("https://t.me/+AbCdEfGhIjKl", "https://t.me/+abcdefghijkl")] // invite hashes are case-sensitive
    public void Different_chats_are_not_duplicates(string first, string second)
    {
        var findings = ConfigFixture.ValidateJson($"{{ \"targets\": [ {{ \"entity\": \"{first}\" }}, {{ \"entity\": \"{second}\" }} ] }}");
        FindingAssertions.None(findings, ConfigCheck.Targets, "targets[1].entity");
    }

    [Theory]
    [InlineData("{ \"targets\": [\"@channel1\"] }", "targets[0]")]
    [InlineData("{ \"targets\": \"@channel1\" }", "targets")]
    public void Targets_of_the_wrong_shape_get_only_the_schema_error(string json, string field)
    {
        var findings = ConfigFixture.ValidateJson(json);
        FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, field);
        FindingAssertions.None(findings, ConfigCheck.Targets, "targets");
    }
}
