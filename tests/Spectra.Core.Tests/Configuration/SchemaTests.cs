using Spectra.Core.Configuration;

namespace Spectra.Core.Tests.Configuration;

public sealed class SchemaTests
{
    [Fact]
    public void Defaults_satisfy_the_schema()
    {
        using var fixture = new ConfigFixture();
        var findings = fixture.Validate();
        Assert.Contains(findings, f => f.Check == ConfigCheck.Schema && f.Status == FindingStatus.Pass);
    }

    [Theory]
    [InlineData("http://[::1]:9464/", true)]
    [InlineData("http://127.0.0.1:9464/", true)]
    [InlineData("http://localhost/metrics", true)]
    [InlineData("http://[::1:9464/", false)]
    [InlineData("http://::1:9464/", false)]
    public void The_health_endpoint_may_be_an_IPv6_address_in_brackets(string endpoint, bool valid)
    {
        using var fixture = new ConfigFixture().WithFile("{ \"health\": { \"endpoint\": \"" + endpoint + "\" } }");
        var findings = fixture.Validate();
        if (valid)
        {
            FindingAssertions.None(findings, ConfigCheck.Schema, "health.endpoint");
        }
        else
        {
            FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, "health.endpoint");
        }
    }

    [Fact]
    public void A_wrong_type_names_field_and_line()
    {
        using var fixture = new ConfigFixture().WithFile("{\n  \"logging\": {\n    \"secure\": \"yes\"\n  }\n}");
        var finding = FindingAssertions.Single(fixture.Validate(), ConfigCheck.Schema, FindingStatus.Fail, "logging.secure");
        Assert.Equal($"{fixture.ConfigPath}:3", finding.Location);
        Assert.Contains("expected boolean", finding.Message, StringComparison.Ordinal);
        Assert.Contains("found a string", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_names_its_line_and_the_known_keys()
    {
        using var fixture = new ConfigFixture().WithFile("{\n  \"storage\": {\n    \"databse\": \"x.db\"\n  }\n}");
        var finding = FindingAssertions.Single(fixture.Validate(), ConfigCheck.Schema, FindingStatus.Fail, "storage.databse");
        Assert.Equal(3, finding.Origin!.Line);
        Assert.Contains("Unknown key 'databse'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("database, media_dir", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_top_level_section_is_reported()
    {
        var findings = ConfigFixture.ValidateJson("{ \"proxy\": {} }");
        FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, "proxy");
    }

    [Theory]
    [InlineData("{ \"archive\": { \"batch_size\": 0 } }", "archive.batch_size", ">= 1")]
    [InlineData("{ \"archive\": { \"max_concurrent_downloads\": 99 } }", "archive.max_concurrent_downloads", "<= 32")]
    [InlineData("{ \"resilience\": { \"base_delay_seconds\": 0 } }", "resilience.base_delay_seconds", "> 0")]
    [InlineData("{ \"health\": { \"thresholds\": { \"cpu_percent_critical\": 101 } } }", "health.thresholds.cpu_percent_critical", "<= 100")]
    [InlineData("{ \"accounts\": [ { \"name\": \"a\", \"proxy\": { \"type\": \"socks5\", \"host\": \"h\", \"port\": 70000 } } ] }", "accounts[0].proxy.port", "<= 65535")]
    public void Out_of_range_values_state_the_range(string json, string field, string range)
    {
        var finding = FindingAssertions.Single(ConfigFixture.ValidateJson(json), ConfigCheck.Schema, FindingStatus.Fail, field);
        Assert.Contains(range, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_not_in_an_enum_lists_every_allowed_value_with_case_variants_folded()
    {
        var finding = FindingAssertions.Single(ConfigFixture.ValidateJson("{ \"logging\": { \"level\": \"Informaton\" } }"),
            ConfigCheck.Schema, FindingStatus.Fail, "logging.level");
        Assert.Equal(
            "Not an allowed value. Use one of: \"Verbose\", \"Debug\", \"Information\", \"Warning\", \"Error\", \"Fatal\", \"trace\", \"info\", \"warn\", \"critical\" (each also in all lower or all upper case).",
            finding.Message);
    }

    [Fact]
    public void A_value_not_in_an_enum_without_case_variants_lists_them_as_written()
    {
        var finding = FindingAssertions.Single(ConfigFixture.ValidateJson("{ \"accounts\": [ { \"name\": \"a\", \"proxy\": { \"type\": \"http\", \"host\": \"h\", \"port\": 1 } } ] }"),
            ConfigCheck.Schema, FindingStatus.Fail, "accounts[0].proxy.type");
        Assert.Equal("Not an allowed value. Use one of: \"socks5\", \"mtproxy\".", finding.Message);
    }

    [Fact]
    public void In_range_values_pass()
    {
        var findings = ConfigFixture.ValidateJson("{ \"archive\": { \"batch_size\": 10000, \"max_concurrent_downloads\": 1, \"parts_per_file\": 16 } }");
        Assert.Contains(findings, f => f.Check == ConfigCheck.Schema && f.Status == FindingStatus.Pass);
    }

    [Fact]
    public void Missing_required_keys_are_named()
    {
        var findings = ConfigFixture.ValidateJson("{ \"accounts\": [ { \"session\": \"s\" } ], \"targets\": [ { \"media\": true } ] }");
        FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, "accounts[0].name");
        FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, "targets[0].entity");
    }

    [Fact]
    public void Enum_violations_list_the_allowed_values()
    {
        var findings = ConfigFixture.ValidateJson("{ \"accounts\": [ { \"name\": \"a\", \"proxy\": { \"type\": \"http\", \"host\": \"h\", \"port\": 1 } } ], \"targets\": [ { \"entity\": \"@abcde\", \"media_types\": [\"photo\", \"gif\"] } ] }");
        var proxy = FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, "accounts[0].proxy.type");
        Assert.Contains("\"socks5\", \"mtproxy\"", proxy.Message, StringComparison.Ordinal);
        FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, "targets[0].media_types[1]");
    }

    [Fact]
    public void The_embedded_schema_is_the_shipped_module_schema()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Spectra.PowerShell.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }

        var shipped = File.ReadAllText(Path.Combine(root, "module", "schema", "spectra_config.schema.json"));
        Assert.Equal(shipped, ConfigSchema.Text);
        Assert.Contains("https://json-schema.org/draft/2020-12/schema", shipped, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_config_has_no_failures_with_credentials_from_the_environment()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Spectra.PowerShell.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var sample = Path.Combine(root, "examples", "spectra_config.json");
        var env = new Dictionary<string, string> { ["TG_API_ID"] = "2718281", ["TG_API_HASH"] = ConfigFixture.GoodHash };
        var findings = ConfigValidator.Validate(SpectraConfigLoader.Load(sample, env, root));
        FindingAssertions.NoFailures(findings);
        Assert.Contains(findings, f => f.Check == ConfigCheck.Schema && f.Status == FindingStatus.Pass);
        Assert.Contains(findings, f => f.Check == ConfigCheck.Targets && f.Status == FindingStatus.Pass);

        // Without the variables it still has no failures: only warnings that credentials are missing.
        var bare = ConfigValidator.Validate(SpectraConfigLoader.Load(sample, new Dictionary<string, string>(), root));
        FindingAssertions.NoFailures(bare);
        FindingAssertions.Single(bare, ConfigCheck.Environment, FindingStatus.Warn, "accounts[0].api_hash");
    }

    [Fact]
    public void Every_check_reports_a_pass_when_nothing_is_wrong()
    {
        var findings = ConfigFixture.ValidateJson(
            $$"""{ "accounts": [ { "name": "a" } ], "targets": [ { "entity": "@abcde" } ] }""",
            new Dictionary<string, string> { ["TG_API_ID"] = "2718281", ["TG_API_HASH"] = ConfigFixture.GoodHash });
        foreach (var check in Enum.GetValues<ConfigCheck>())
        {
            var pass = Assert.Single(findings, f => f.Check == check);
            Assert.Equal(FindingStatus.Pass, pass.Status);
        }
    }

    [Fact]
    public void Odd_key_names_are_reported_as_unknown_keys_without_breaking_path_handling()
    {
        var findings = ConfigFixture.ValidateJson("{ \"storage\": { \"x[1\": 1, \"a.b\": 2, \"c]\": 3, \"\": 4, \"d[2]\": 5 }, \"accounts\": { \"0\": 1 } }");
        foreach (var key in new[] { "x[1", "a.b", "c]", "", "d[2]" })
        {
            Assert.Contains(findings, f => f.Check == ConfigCheck.Schema && f.Message.StartsWith($"Unknown key '{key}'.", StringComparison.Ordinal));
        }

        FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, "accounts");
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("-1e30")]
    [InlineData("1e400")]
    public void A_number_too_large_to_hold_is_a_schema_finding_at_its_line_not_a_parse_error(string number)
    {
        using var fixture = new ConfigFixture().WithFile("{\n  \"health\": {\n    \"thresholds\": {\n      \"disk_free_gb_degraded\": " + number + "\n    }\n  }\n}");
        var findings = fixture.Validate();
        var finding = FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, "health.thresholds.disk_free_gb_degraded");
        Assert.Equal($"{fixture.ConfigPath}:4", finding.Location);
        Assert.Contains("too large", finding.Message, StringComparison.Ordinal);
        Assert.Contains("or remove it to use the default", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("quotes", finding.Message, StringComparison.Ordinal);
        Assert.Single(findings, f => f.Field == "health.thresholds.disk_free_gb_degraded");
        // The other checks still run, and Get-SpectraConfig shows the value as written.
        Assert.Contains(findings, f => f.Check == ConfigCheck.Paths && f.Status == FindingStatus.Pass);
        var entry = Assert.Single(fixture.Load().Entries(), e => e.Key == "health.thresholds.disk_free_gb_degraded");
        Assert.Equal(number, entry.DisplayValue);
        Assert.Equal(4, entry.Origin.Line);
    }

    [Fact]
    public void A_number_too_large_to_hold_states_the_range_when_the_field_has_a_maximum()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"archive\": {\n \"batch_size\": 1e400 } }");
        var finding = FindingAssertions.Single(fixture.Validate(), ConfigCheck.Schema, FindingStatus.Fail, "archive.batch_size");
        Assert.Equal(2, finding.Origin!.Line);
        Assert.Contains("<= 10000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_too_large_under_an_unknown_key_is_reported_as_the_unknown_key()
    {
        var finding = FindingAssertions.Single(ConfigFixture.ValidateJson("{ \"storage\": { \"databse\": 1e30 } }"),
            ConfigCheck.Schema, FindingStatus.Fail, "storage.databse");
        Assert.Contains("Unknown key 'databse'", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("1e400")]
    public void A_number_too_large_in_a_variable_is_a_schema_finding_not_a_crash(string number)
    {
        using var fixture = new ConfigFixture();
        var findings = fixture.Validate(new Dictionary<string, string> { ["SPECTRA_HEALTH__THRESHOLDS__DISK_FREE_GB_DEGRADED"] = number });
        var finding = FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, "health.thresholds.disk_free_gb_degraded");
        Assert.Equal("$env:SPECTRA_HEALTH__THRESHOLDS__DISK_FREE_GB_DEGRADED", finding.Location);
        Assert.Contains("too large", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_numbers_are_still_a_parse_error()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"archive\": {\n \"batch_size\": 1e } }");
        var ex = Assert.Throws<Spectra.Core.Errors.SpectraException>(() => fixture.Load());
        Assert.Equal("ConfigParseError", ex.ErrorId);
        Assert.Equal(2, ex.Location!.Line);
    }
}
