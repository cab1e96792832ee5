using System.Text.Json.Nodes;
using Spectra.Core.Configuration;
using Spectra.Core.Errors;

namespace Spectra.Core.Tests.Configuration;

public sealed class LoaderLayeringTests
{
    private static ConfigEntry Entry(LoadedConfig config, string key) => Assert.Single(config.Entries(), e => e.Key == key);

    [Fact]
    public void With_no_file_and_no_variables_every_value_is_a_default()
    {
        using var fixture = new ConfigFixture();
        var config = fixture.Load();
        Assert.Null(config.FilePath);
        Assert.All(config.Entries(), e => Assert.Equal(ConfigSource.Default, e.Origin.Source));
        Assert.Equal("spectra.db", Entry(config, "storage.database").DisplayValue);
        Assert.Equal("(none)", Entry(config, "accounts").DisplayValue);
        Assert.False(File.Exists(fixture.ConfigPath), "loading must never write a config file");
    }

    [Fact]
    public void The_file_overrides_defaults_and_records_its_line()
    {
        using var fixture = new ConfigFixture().WithFile("{\n  // comment\n  \"storage\": {\n    \"database\": \"a.db\",\n  },\n}\n");
        var config = fixture.Load();
        var database = Entry(config, "storage.database");
        Assert.Equal("a.db", database.DisplayValue);
        Assert.Equal(ConfigSource.File, database.Origin.Source);
        Assert.Equal(4, database.Origin.Line);
        Assert.Equal($"{fixture.ConfigPath}:4", database.Origin.Location);
        Assert.Equal(ConfigSource.Default, Entry(config, "storage.media_dir").Origin.Source);
    }

    [Fact]
    public void The_default_file_in_the_base_directory_is_used_when_no_path_is_given()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"archive\": { \"batch_size\": 42 } }");
        var config = fixture.Load(explicitPath: false);
        Assert.Equal(fixture.ConfigPath, config.FilePath);
        Assert.Equal("42", Entry(config, "archive.batch_size").DisplayValue);
    }

    [Fact]
    public void SPECTRA_CONFIG_names_the_file_when_no_path_is_given()
    {
        using var fixture = new ConfigFixture();
        var other = Path.Combine(fixture.Directory, "other.json");
        File.WriteAllText(other, "{ \"archive\": { \"batch_size\": 7 } }");
        var config = SpectraConfigLoader.Load(null, new Dictionary<string, string> { ["SPECTRA_CONFIG"] = other }, fixture.Directory);
        Assert.Equal(other, config.FilePath);
        Assert.Equal("7", Entry(config, "archive.batch_size").DisplayValue);
    }

    [Fact]
    public void A_missing_explicit_file_is_ConfigFileNotFound_with_a_fix()
    {
        using var fixture = new ConfigFixture();
        var ex = Assert.Throws<SpectraException>(() => SpectraConfigLoader.Load("missing.json", new Dictionary<string, string>(), fixture.Directory));
        Assert.Equal("ConfigFileNotFound", ex.ErrorId);
        Assert.Equal(SpectraErrorCategory.ObjectNotFound, ex.Category);
        Assert.Equal(Path.Combine(fixture.Directory, "missing.json"), ex.Location!.File);
        Assert.False(string.IsNullOrEmpty(ex.Fix));
    }

    [Fact]
    public void A_missing_file_named_by_SPECTRA_CONFIG_is_also_an_error()
    {
        using var fixture = new ConfigFixture();
        var ex = Assert.Throws<SpectraException>(() => SpectraConfigLoader.Load(null,
            new Dictionary<string, string> { ["SPECTRA_CONFIG"] = "nope.json" }, fixture.Directory));
        Assert.Equal("ConfigFileNotFound", ex.ErrorId);
        Assert.Contains("SPECTRA_CONFIG", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DotEnv_overrides_the_file_and_environment_overrides_dotEnv()
    {
        using var fixture = new ConfigFixture()
            .WithFile("{ \"storage\": { \"database\": \"file.db\", \"media_dir\": \"file-media\" }, \"logging\": { \"directory\": \"file-logs\" } }")
            .WithDotEnv("SPECTRA_DB_PATH=dotenv.db\nSPECTRA_MEDIA_DIR=dotenv-media\n");
        var config = fixture.Load(new Dictionary<string, string> { ["SPECTRA_MEDIA_DIR"] = "env-media" });

        var database = Entry(config, "storage.database");
        Assert.Equal("dotenv.db", database.DisplayValue);
        Assert.Equal(ConfigSource.DotEnv, database.Origin.Source);
        Assert.Equal(1, database.Origin.Line);
        Assert.Equal("SPECTRA_DB_PATH", database.Origin.Variable);

        var media = Entry(config, "storage.media_dir");
        Assert.Equal("env-media", media.DisplayValue);
        Assert.Equal(ConfigSource.Environment, media.Origin.Source);
        Assert.Equal("$env:SPECTRA_MEDIA_DIR", media.Origin.Location);

        Assert.Equal(ConfigSource.File, Entry(config, "logging.directory").Origin.Source);
    }

    [Fact]
    public void The_dotEnv_file_is_read_from_the_config_files_directory()
    {
        using var fixture = new ConfigFixture().WithDotEnv("SPECTRA_DB_PATH=beside.db\n");
        var nested = Path.Combine(fixture.Directory, "nested");
        Directory.CreateDirectory(nested);
        File.WriteAllText(Path.Combine(nested, "c.json"), "{}");
        var config = SpectraConfigLoader.Load(Path.Combine(nested, "c.json"), new Dictionary<string, string>(), fixture.Directory);
        Assert.Equal("spectra.db", Entry(config, "storage.database").DisplayValue);
        Assert.Null(config.DotEnv);
    }

    [Fact]
    public void TG_API_ID_and_TG_API_HASH_create_an_account_when_there_is_none()
    {
        using var fixture = new ConfigFixture();
        var config = fixture.Load(new Dictionary<string, string> { ["TG_API_ID"] = "2718281", ["TG_API_HASH"] = ConfigFixture.GoodHash });
        Assert.Equal("default", Entry(config, "accounts[0].name").DisplayValue);
        var id = Entry(config, "accounts[0].api_id");
        Assert.Equal("2718281", id.DisplayValue);
        Assert.Equal(ConfigSource.Environment, id.Origin.Source);
        Assert.Equal(2718281L, config.Bind().Accounts[0].ApiId);
    }

    [Fact]
    public void TG_API_HASH_applies_to_every_account_and_overrides_the_file()
    {
        using var fixture = new ConfigFixture().WithFile($$"""
            { "accounts": [ { "name": "a", "api_hash": "{{ConfigFixture.OtherHash}}" }, { "name": "b" } ] }
            """);
        var config = fixture.Load(new Dictionary<string, string> { ["TG_API_HASH"] = ConfigFixture.GoodHash });
        var bound = config.Bind();
        Assert.All(bound.Accounts, a => Assert.Equal(ConfigFixture.GoodHash, a.ApiHash));
        Assert.Equal(ConfigSource.Environment, config.OriginOf("accounts[0].api_hash").Source);
        Assert.Equal(ConfigSource.Environment, config.OriginOf("accounts[1].api_hash").Source);
    }

    [Theory]
    [InlineData("LOG_LEVEL", "Debug", "Debug")]
    [InlineData("SPECTRA_LOG_LEVEL", "Warning", "Warning")]
    public void Log_level_comes_from_either_variable(string name, string value, string expected)
    {
        using var fixture = new ConfigFixture();
        var config = fixture.Load(new Dictionary<string, string> { [name] = value });
        Assert.Equal(expected, config.Bind().Logging.Level);
        Assert.Equal(name, config.OriginOf("logging.level").Variable);
    }

    [Fact]
    public void SPECTRA_LOG_LEVEL_wins_over_LOG_LEVEL()
    {
        using var fixture = new ConfigFixture();
        var config = fixture.Load(new Dictionary<string, string> { ["LOG_LEVEL"] = "Debug", ["SPECTRA_LOG_LEVEL"] = "Error" });
        Assert.Equal("Error", config.Bind().Logging.Level);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    public void SPECTRA_SECURE_LOGGING_is_read_as_a_boolean(string text, bool expected)
    {
        using var fixture = new ConfigFixture();
        var config = fixture.Load(new Dictionary<string, string> { ["SPECTRA_SECURE_LOGGING"] = text });
        Assert.Equal(expected, config.Bind().Logging.Secure);
    }

    [Fact]
    public void SPECTRA_SECTION__KEY_reaches_any_key_with_its_type()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"archive\": { \"batch_size\": 10 } }");
        var config = fixture.Load(new Dictionary<string, string>
        {
            ["SPECTRA_ARCHIVE__BATCH_SIZE"] = "250",
            ["SPECTRA_RESILIENCE__BASE_DELAY_SECONDS"] = "0.5",
            ["SPECTRA_HEALTH__THRESHOLDS__CPU_PERCENT_CRITICAL"] = "95",
        });
        var bound = config.Bind();
        Assert.Equal(250, bound.Archive.BatchSize);
        Assert.Equal(0.5, bound.Resilience.BaseDelaySeconds);
        Assert.Equal(95, bound.Health.Thresholds.CpuPercentCritical);
        Assert.Equal("SPECTRA_ARCHIVE__BATCH_SIZE", config.OriginOf("archive.batch_size").Variable);
    }

    [Fact]
    public void SPECTRA_variables_with_indexes_reach_list_items_and_can_append_one()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"accounts\": [ { \"name\": \"a\" } ] }");
        var config = fixture.Load(new Dictionary<string, string>
        {
            ["SPECTRA_ACCOUNTS__0__PHONE"] = "+447700900123",
            ["SPECTRA_ACCOUNTS__1__NAME"] = "b",
            ["SPECTRA_TARGETS__0__ENTITY"] = "@example_channel",
            ["SPECTRA_TARGETS__0__MEDIA_TYPES"] = "photo, video",
        });
        var bound = config.Bind();
        Assert.Equal("+447700900123", bound.Accounts[0].Phone);
        Assert.Equal("b", bound.Accounts[1].Name);
        Assert.Equal(["photo", "video"], bound.Targets[0].MediaTypes);
    }

    [Fact]
    public void An_index_that_skips_items_is_reported_not_applied()
    {
        using var fixture = new ConfigFixture();
        var config = fixture.Load(new Dictionary<string, string> { ["SPECTRA_ACCOUNTS__3__NAME"] = "x" });
        var problem = Assert.Single(config.LoadProblems);
        Assert.Equal(ConfigCheck.Environment, problem.Check);
        Assert.Equal(FindingStatus.Fail, problem.Status);
        Assert.Contains("skips an index", problem.Message, StringComparison.Ordinal);
        Assert.Empty(config.Bind().Accounts);
    }

    [Theory]
    [InlineData("SPECTRA_ARCHIVE__BATCHSIZE", "names no configuration key")]
    [InlineData("SPECTRA_STORAGE", null)]
    [InlineData("SPECTRA_ARCHIVE", null)]
    [InlineData("SPECTRA_HEALTH__THRESHOLDS", "whole section")]
    [InlineData("SPECTRA_ACCOUNTS", null)]
    [InlineData("SPECTRA_ARCHIVE____BATCH_SIZE", "empty level")]
    public void Generic_variables_that_name_no_key_are_reported(string name, string? expected)
    {
        using var fixture = new ConfigFixture();
        var config = fixture.Load(new Dictionary<string, string> { [name] = "1" });
        if (expected is null)
        {
            Assert.Empty(config.LoadProblems); // no "__": not a generic variable, ignored like any unrelated variable
            return;
        }

        var problem = Assert.Single(config.LoadProblems);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.Equal($"$env:{name}", problem.Location);
    }

    [Fact]
    public void A_variable_whose_text_does_not_fit_the_type_stays_text_and_fails_the_schema_naming_the_variable()
    {
        using var fixture = new ConfigFixture();
        var findings = fixture.Validate(new Dictionary<string, string> { ["SPECTRA_ARCHIVE__BATCH_SIZE"] = "lots" });
        var finding = FindingAssertions.Single(findings, ConfigCheck.Schema, FindingStatus.Fail, "archive.batch_size");
        Assert.Equal("$env:SPECTRA_ARCHIVE__BATCH_SIZE", finding.Location);
    }

    [Fact]
    public void Unrelated_variables_are_ignored()
    {
        using var fixture = new ConfigFixture();
        var config = fixture.Load(new Dictionary<string, string> { ["PATH"] = "/bin", ["HOME"] = "/root", ["SPECTRA_OTHER"] = "x" });
        Assert.Empty(config.LoadProblems);
        Assert.All(config.Entries(), e => Assert.Equal(ConfigSource.Default, e.Origin.Source));
    }

    [Fact]
    public void Lists_in_the_file_replace_the_default_list_and_nested_objects_merge()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"targets\": [ { \"entity\": \"@abcde\" } ], \"health\": { \"thresholds\": { \"cpu_percent_critical\": 99 } } }");
        var config = fixture.Load();
        var bound = config.Bind();
        Assert.Single(bound.Targets);
        Assert.Equal(99, bound.Health.Thresholds.CpuPercentCritical);
        Assert.Equal(70, bound.Health.Thresholds.CpuPercentDegraded);
        Assert.Equal(ConfigSource.Default, config.OriginOf("health.thresholds.cpu_percent_degraded").Source);
    }

    [Fact]
    public void Secrets_are_masked_in_entries_and_marked_secret()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"accounts\": [ { \"name\": \"a\", \"phone\": \"+447700900123\", \"proxy\": { \"type\": \"socks5\", \"host\": \"h\", \"port\": 1, \"username\": \"u\", \"password\": \"hunter22\" } } ] }");
        var config = fixture.Load(new Dictionary<string, string> { ["TG_API_HASH"] = ConfigFixture.GoodHash });
        foreach (var key in new[] { "accounts[0].phone", "accounts[0].api_hash", "accounts[0].proxy.password" })
        {
            var entry = Entry(config, key);
            Assert.True(entry.IsSecret, key);
            Assert.Equal("********", entry.DisplayValue);
        }

        Assert.Equal("u", Entry(config, "accounts[0].proxy.username").DisplayValue);
        var all = string.Join("\n", config.Entries().Select(e => e.DisplayValue + e.Origin.Location));
        Assert.DoesNotContain(ConfigFixture.GoodHash, all, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", all, StringComparison.Ordinal);
        Assert.DoesNotContain("+447700900123", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_reports_a_wrong_type_with_field_and_line()
    {
        using var fixture = new ConfigFixture().WithFile("{\n\"archive\": {\n\"batch_size\": \"many\"\n}\n}");
        var ex = Assert.Throws<SpectraException>(() => fixture.Load().Bind());
        Assert.Equal("ConfigInvalid", ex.ErrorId);
        Assert.Equal("archive.batch_size", ex.Location!.Field);
        Assert.Equal(3, ex.Location.Line);
    }

    [Fact]
    public void Bound_records_do_not_print_secrets()
    {
        using var fixture = new ConfigFixture().WithFile($$"""
            { "accounts": [ { "name": "a", "api_id": 2718281, "api_hash": "{{ConfigFixture.GoodHash}}", "phone": "+447700900123",
              "proxy": { "type": "mtproxy", "host": "h", "port": 443, "secret": "{{ConfigFixture.OtherHash}}" } } ] }
            """);
        var bound = fixture.Load().Bind();
        var text = bound.ToString() + bound.Accounts[0] + bound.Accounts[0].Proxy;
        Assert.DoesNotContain(ConfigFixture.GoodHash, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigFixture.OtherHash, text, StringComparison.Ordinal);
        Assert.DoesNotContain("+447700900123", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_typed_model_reads_every_section()
    {
        using var fixture = new ConfigFixture().WithFile("""
            { "targets": [ { "entity": "@abcde", "media": false, "since": "2024-01-01", "until": "2024-02-01T12:00:00Z", "max_media_size_mb": 2.5 } ],
              "logging": { "level": "warn", "secure": false }, "accounts": [ { "name": "x", "proxy": { "type": "socks5", "host": "h", "port": 1080 } } ] }
            """);
        var bound = fixture.Load().Bind();
        Assert.False(bound.Targets[0].Media);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), bound.Targets[0].Since);
        Assert.Equal(2.5, bound.Targets[0].MaxMediaSizeMb);
        Assert.Equal("Warning", bound.Logging.CanonicalLevel);
        Assert.Equal(Spectra.Core.Configuration.Model.ProxyKind.Socks5, bound.Accounts[0].Proxy!.Type);
        Assert.Equal(300, bound.Resilience.MaxDelaySeconds);
    }

    [Fact]
    public void The_document_is_plain_json_after_loading()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"archive\": { \"batch_size\": 3 } }");
        var doc = fixture.Load().Document;
        Assert.Equal(3, doc["archive"]!["batch_size"]!.GetValue<long>());
        Assert.IsType<JsonArray>(doc["accounts"]);
    }

    [Fact]
    public void A_key_written_with_dots_stays_apart_from_the_key_it_looks_like()
    {
        // A flattened "logging.level" is a common mistake; it must not take over the real logging.level's origin.
        using var fixture = new ConfigFixture().WithFile("{\n\"logging\": { \"level\": \"Warning\" },\n\"logging.level\": \"Debug\",\n\"\": 1\n}");
        var config = fixture.Load();
        var real = Entry(config, "logging.level");
        Assert.Equal("Warning", real.DisplayValue);
        Assert.Equal(2, real.Origin.Line);
        var dotted = Entry(config, "\"logging.level\"");
        Assert.Equal(3, dotted.Origin.Line);
        Assert.True(dotted.IsSecret, "the value of a key the schema does not know is masked");
        Assert.Equal(4, Entry(config, "\"\"").Origin.Line);
        Assert.Equal(ConfigSource.Default, Entry(config, "storage.database").Origin.Source);
        var unknown = ConfigValidator.Validate(config).Where(f => f.Check == ConfigCheck.Schema && f.Status == FindingStatus.Fail).ToList();
        Assert.Contains(unknown, f => f.Field == "\"logging.level\"" && f.Origin!.Line == 3 && f.Message.Contains("'logging.level'", StringComparison.Ordinal));
        Assert.DoesNotContain(unknown, f => f.Field == "logging.level");
    }
}
