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

    [Theory]
    [InlineData("env", "env", "environment variable SPECTRA_LOG_LEVEL")]
    [InlineData("dotenv", "dotenv", "SPECTRA_LOG_LEVEL in")]
    [InlineData("dotenv", "env", "environment variable SPECTRA_LOG_LEVEL")]
    // The environment layer beats .env, so here the generic name is the one that applies.
    [InlineData("env", "dotenv", "environment variable LOG_LEVEL")]
    public void Disagreeing_log_level_variables_warn_wherever_each_is_set_and_agreeing_ones_do_not(string genericIn, string specificIn, string applies)
    {
        Dictionary<string, string> Environment(string generic) => new[] { ("LOG_LEVEL", genericIn, generic), ("SPECTRA_LOG_LEVEL", specificIn, "Error") }
            .Where(v => v.Item2 == "env").ToDictionary(v => v.Item1, v => v.Item3);
        string DotEnv(string generic) => string.Concat(new[] { ("LOG_LEVEL", genericIn, generic), ("SPECTRA_LOG_LEVEL", specificIn, "Error") }
            .Where(v => v.Item2 == "dotenv").Select(v => $"{v.Item1}={v.Item3}\n"));

        using var fixture = new ConfigFixture().WithFile("{}").WithDotEnv(DotEnv("Debug"));
        var warning = FindingAssertions.Single(fixture.Validate(Environment("Debug")), ConfigCheck.Environment, FindingStatus.Warn, "logging.level");
        // The message says where each value came from and which one the level was taken from.
        Assert.Contains(genericIn == "env" ? "environment variable LOG_LEVEL is 'Debug'" : $"LOG_LEVEL in {fixture.DotEnvPath}:1 is 'Debug'", warning.Message, StringComparison.Ordinal);
        Assert.Contains(specificIn == "env" ? "environment variable SPECTRA_LOG_LEVEL is 'Error'" : $"SPECTRA_LOG_LEVEL in {fixture.DotEnvPath}:", warning.Message, StringComparison.Ordinal);
        Assert.Contains("; " + applies, warning.Message, StringComparison.Ordinal);

        fixture.WithDotEnv(DotEnv("error"));
        FindingAssertions.None(fixture.Validate(Environment("error")), ConfigCheck.Environment, "logging.level");
    }

    [Fact]
    public void Unknown_SPECTRA_variables_fail_the_environment_check()
    {
        var findings = ConfigFixture.ValidateJson("{}", new Dictionary<string, string> { ["SPECTRA_STORAGE__DATABSE"] = "x.db" });
        FindingAssertions.Single(findings, ConfigCheck.Environment, FindingStatus.Fail, "SPECTRA_STORAGE__DATABSE");
        Assert.False(ConfigValidator.Passed(findings));
    }
}
