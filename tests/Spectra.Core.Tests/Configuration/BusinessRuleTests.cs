using Spectra.Core.Configuration;

namespace Spectra.Core.Tests.Configuration;

public sealed class BusinessRuleTests
{
    [Theory]
    [InlineData("{ \"resilience\": { \"base_delay_seconds\": 30, \"max_delay_seconds\": 10 } }", "resilience.base_delay_seconds")]
    [InlineData("{ \"health\": { \"thresholds\": { \"cpu_percent_degraded\": 95, \"cpu_percent_critical\": 90 } } }", "health.thresholds.cpu_percent_degraded")]
    [InlineData("{ \"health\": { \"thresholds\": { \"memory_percent_degraded\": 91 } } }", "health.thresholds.memory_percent_degraded")]
    [InlineData("{ \"health\": { \"thresholds\": { \"disk_free_gb_degraded\": 1, \"disk_free_gb_critical\": 5 } } }", "health.thresholds.disk_free_gb_critical")]
    [InlineData("{ \"targets\": [ { \"entity\": \"@abcde\", \"since\": \"2024-06-01\", \"until\": \"2024-01-01\" } ] }", "targets[0].since")]
    public void Min_greater_than_max_fails(string json, string field)
    {
        FindingAssertions.Single(ConfigFixture.ValidateJson(json), ConfigCheck.BusinessRules, FindingStatus.Fail, field);
    }

    [Theory]
    [InlineData("{ \"resilience\": { \"base_delay_seconds\": 10, \"max_delay_seconds\": 10 } }")]
    [InlineData("{ \"health\": { \"thresholds\": { \"cpu_percent_degraded\": 50, \"cpu_percent_critical\": 60, \"disk_free_gb_degraded\": 10, \"disk_free_gb_critical\": 2 } } }")]
    [InlineData("{ \"targets\": [ { \"entity\": \"@abcde\", \"since\": \"2024-01-01\", \"until\": \"2024-01-01T10:00:00Z\" } ] }")]
    public void Ordered_pairs_pass(string json)
    {
        var findings = ConfigFixture.ValidateJson(json);
        Assert.Contains(findings, f => f.Check == ConfigCheck.BusinessRules && f.Status == FindingStatus.Pass);
    }

    [Fact]
    public void Duplicate_account_names_and_shared_sessions_fail()
    {
        var findings = ConfigFixture.ValidateJson("""
            { "accounts": [ { "name": "a", "session": "s1" }, { "name": "A", "session": "s2" }, { "name": "c", "session": "s1" } ] }
            """);
        FindingAssertions.Single(findings, ConfigCheck.BusinessRules, FindingStatus.Fail, "accounts[1].name");
        FindingAssertions.Single(findings, ConfigCheck.BusinessRules, FindingStatus.Fail, "accounts[2].session");
    }

    [Fact]
    public void Distinct_accounts_pass()
    {
        var findings = ConfigFixture.ValidateJson("{ \"accounts\": [ { \"name\": \"a\" }, { \"name\": \"b\" } ] }");
        Assert.Contains(findings, f => f.Check == ConfigCheck.BusinessRules && f.Status == FindingStatus.Pass);
    }

    [Theory]
    [InlineData("", FindingStatus.Fail)]
    [InlineData("\"secret\": \"nothex-nothex-nothex-nothex-nothe\",", FindingStatus.Fail)]
    [InlineData("\"secret\": \"dd5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8f\",", FindingStatus.Pass)]
    [InlineData("\"secret\": \"5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8f\",", FindingStatus.Pass)]
    [InlineData("\"secret\": \"ee5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8f6578616d706c652e636f6d\",", FindingStatus.Pass)]
    public void MTProxy_needs_a_well_formed_secret(string secretJson, FindingStatus expected)
    {
        var findings = ConfigFixture.ValidateJson("{ \"accounts\": [ { \"name\": \"a\", \"proxy\": { " + secretJson + " \"type\": \"mtproxy\", \"host\": \"h\", \"port\": 443 } } ] }");
        if (expected == FindingStatus.Fail)
        {
            var finding = FindingAssertions.Single(findings, ConfigCheck.BusinessRules, FindingStatus.Fail, "accounts[0].proxy.secret");
            Assert.DoesNotContain("nothex", finding.Message, StringComparison.Ordinal);
        }
        else
        {
            FindingAssertions.None(findings, ConfigCheck.BusinessRules, "accounts[0].proxy.secret");
        }
    }

    [Fact]
    public void A_socks5_proxy_with_a_secret_or_half_credentials_warns()
    {
        var findings = ConfigFixture.ValidateJson("{ \"accounts\": [ { \"name\": \"a\", \"proxy\": { \"type\": \"socks5\", \"host\": \"h\", \"port\": 1080, \"username\": \"u\", \"secret\": \"5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8f\" } } ] }");
        FindingAssertions.Single(findings, ConfigCheck.BusinessRules, FindingStatus.Warn, "accounts[0].proxy.secret");
        FindingAssertions.Single(findings, ConfigCheck.BusinessRules, FindingStatus.Warn, "accounts[0].proxy.password");
    }

    [Theory]
    [InlineData("socks5://me:HostPassMARKER@127.0.0.1")]
    [InlineData("me:HostPassMARKER@127.0.0.1")]
    public void A_proxy_host_written_as_a_url_or_with_credentials_fails(string host)
    {
        using var fixture = new ConfigFixture().WithFile("{ \"accounts\": [ { \"name\": \"a\", \"proxy\": { \"type\": \"socks5\", \"host\": \"" + host + "\", \"port\": 1080 } } ] }");
        var findings = fixture.Validate();
        var finding = FindingAssertions.Single(findings, ConfigCheck.BusinessRules, FindingStatus.Fail, "accounts[0].proxy.host");
        Assert.Contains("username", finding.Message, StringComparison.Ordinal);
        Assert.All(findings, f => Assert.DoesNotContain("HostPassMARKER", f.Message, StringComparison.Ordinal));
        var shown = Assert.Single(fixture.Load().Entries(), e => e.Key == "accounts[0].proxy.host").DisplayValue;
        Assert.DoesNotContain("HostPassMARKER", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_socks5_proxy_passes()
    {
        var findings = ConfigFixture.ValidateJson("{ \"accounts\": [ { \"name\": \"a\", \"proxy\": { \"type\": \"socks5\", \"host\": \"h\", \"port\": 1080 } } ] }");
        Assert.Contains(findings, f => f.Check == ConfigCheck.BusinessRules && f.Status == FindingStatus.Pass);
    }

    [Theory]
    [InlineData("http://0.0.0.0:9464/", FindingStatus.Warn)]
    [InlineData("http://monitor.example.org:9464/", FindingStatus.Warn)]
    [InlineData("http://127.0.0.1:9464/", FindingStatus.Pass)]
    [InlineData("http://localhost:8080/health", FindingStatus.Pass)]
    public void A_health_endpoint_beyond_loopback_warns(string endpoint, FindingStatus expected)
    {
        var findings = ConfigFixture.ValidateJson("{ \"health\": { \"endpoint\": \"" + endpoint + "\" } }");
        if (expected == FindingStatus.Warn)
        {
            FindingAssertions.Single(findings, ConfigCheck.BusinessRules, FindingStatus.Warn, "health.endpoint");
        }
        else
        {
            FindingAssertions.None(findings, ConfigCheck.BusinessRules, "health.endpoint");
        }
    }
}
