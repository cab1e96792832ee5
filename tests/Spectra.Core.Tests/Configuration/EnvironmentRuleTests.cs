using Spectra.Core.Configuration;

namespace Spectra.Core.Tests.Configuration;

public sealed class EnvironmentRuleTests
{
    [Fact]
    public void No_account_at_all_warns_to_set_the_credentials()
    {
        var finding = FindingAssertions.Single(ConfigFixture.ValidateJson("{}"), ConfigCheck.Environment, FindingStatus.Warn, "accounts");
        Assert.Contains("TG_API_ID", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_without_credentials_warns_per_missing_key()
    {
        var findings = ConfigFixture.ValidateJson("{ \"accounts\": [ { \"name\": \"a\" } ] }", new Dictionary<string, string> { ["TG_API_ID"] = "2718281" });
        FindingAssertions.None(findings, ConfigCheck.Environment, "accounts[0].api_id");
        var hash = FindingAssertions.Single(findings, ConfigCheck.Environment, FindingStatus.Warn, "accounts[0].api_hash");
        Assert.Contains("TG_API_HASH", hash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_from_dotEnv_satisfy_the_check()
    {
        using var fixture = new ConfigFixture().WithDotEnv($"TG_API_ID=2718281\nTG_API_HASH='{ConfigFixture.GoodHash}' # mine\n");
        var findings = fixture.Validate();
        var pass = Assert.Single(findings, f => f.Check == ConfigCheck.Environment);
        Assert.Equal(FindingStatus.Pass, pass.Status);
    }

    [Fact]
    public void Disagreeing_log_level_variables_warn_and_agreeing_ones_do_not()
    {
        var env = new Dictionary<string, string> { ["LOG_LEVEL"] = "Debug", ["SPECTRA_LOG_LEVEL"] = "Error" };
        FindingAssertions.Single(ConfigFixture.ValidateJson("{}", env), ConfigCheck.Environment, FindingStatus.Warn, "logging.level");
        env["LOG_LEVEL"] = "error";
        FindingAssertions.None(ConfigFixture.ValidateJson("{}", env), ConfigCheck.Environment, "logging.level");
    }

    [Fact]
    public void Unknown_SPECTRA_variables_fail_the_environment_check()
    {
        var findings = ConfigFixture.ValidateJson("{}", new Dictionary<string, string> { ["SPECTRA_STORAGE__DATABSE"] = "x.db" });
        FindingAssertions.Single(findings, ConfigCheck.Environment, FindingStatus.Fail, "SPECTRA_STORAGE__DATABSE");
        Assert.False(ConfigValidator.Passed(findings));
    }
}
