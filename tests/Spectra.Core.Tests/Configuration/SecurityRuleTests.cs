using Spectra.Core.Configuration;

namespace Spectra.Core.Tests.Configuration;

public sealed class SecurityRuleTests
{
    private static Dictionary<string, string> Env(string? id = "2718281", string? hash = ConfigFixture.GoodHash)
    {
        var env = new Dictionary<string, string>();
        if (id is not null)
        {
            env["TG_API_ID"] = id;
        }

        if (hash is not null)
        {
            env["TG_API_HASH"] = hash;
        }

        return env;
    }

    private static IReadOnlyList<ConfigFinding> WithEnv(Dictionary<string, string> env) => ConfigFixture.ValidateJson("{}", env);

    [Theory]
    [InlineData("5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8", "32 hexadecimal")] // 31 characters
    [InlineData("5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8fa", "32 hexadecimal")] // 33
    [InlineData("5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8g", "32 hexadecimal")] // not hex
    [InlineData("0123456789abcdef0123456789abcdef", "published sample")] // Telethon README sample
    [InlineData("344583e45741c457fe1862106095a5eb", "published sample")] // Telegram Desktop TEST ONLY pair
    [InlineData("eb06d4abfb49dc3eeb1aeb98ae0f581e", "published sample")] // official Android client
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "published sample")] // made up
    public void Bad_api_hash_fails(string hash, string expected)
    {
        var finding = FindingAssertions.Single(WithEnv(Env(hash: hash)), ConfigCheck.Security, FindingStatus.Fail, "accounts[0].api_hash");
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
        Assert.Equal("$env:TG_API_HASH", finding.Location);
        Assert.DoesNotContain(hash, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_looking_api_hash_passes_in_upper_or_lower_case()
    {
        FindingAssertions.None(WithEnv(Env(hash: ConfigFixture.GoodHash)), ConfigCheck.Security, "accounts[0].api_hash");
        FindingAssertions.None(WithEnv(Env(hash: ConfigFixture.GoodHash.ToUpperInvariant())), ConfigCheck.Security, "accounts[0].api_hash");
    }

    [Theory]
    [InlineData("0", "positive")]
    [InlineData("-5", "positive")]
    [InlineData("12345", "published sample")]
    [InlineData("123456", "published sample")]
    [InlineData("17349", "published sample")]
    [InlineData("2040", "published sample")]
    public void Bad_api_id_fails(string id, string expected)
    {
        var finding = FindingAssertions.Single(WithEnv(Env(id: id)), ConfigCheck.Security, FindingStatus.Fail, "accounts[0].api_id");
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_positive_own_api_id_passes()
    {
        FindingAssertions.None(WithEnv(Env(id: "2718281")), ConfigCheck.Security, "accounts[0].api_id");
        FindingAssertions.None(WithEnv(Env(id: "2718281")), ConfigCheck.Schema, "accounts[0].api_id");
    }

    [Fact]
    public void A_non_numeric_api_id_fails_the_schema_check()
    {
        FindingAssertions.Single(WithEnv(Env(id: "abc")), ConfigCheck.Schema, FindingStatus.Fail, "accounts[0].api_id");
    }

    [Theory]
    [InlineData("447700900123")]      // no +
    [InlineData("+44 7700 900123")]   // spaces
    [InlineData("+0447700900123")]    // leading zero country code
    [InlineData("+12345")]            // too short
    [InlineData("+1234567890123456")] // too long
    public void Phone_not_in_E164_fails(string phone)
    {
        var env = Env();
        env["SPECTRA_ACCOUNTS__0__PHONE"] = phone;
        var finding = FindingAssertions.Single(WithEnv(env), ConfigCheck.Security, FindingStatus.Fail, "accounts[0].phone");
        Assert.Contains("E.164", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_phone_fails_and_a_real_one_passes()
    {
        var env = Env();
        env["SPECTRA_ACCOUNTS__0__PHONE"] = "+1234567890";
        FindingAssertions.Single(WithEnv(env), ConfigCheck.Security, FindingStatus.Fail, "accounts[0].phone");
        env["SPECTRA_ACCOUNTS__0__PHONE"] = "+447700900123";
        FindingAssertions.None(WithEnv(env), ConfigCheck.Security, "accounts[0].phone");
    }

    [Theory]
    [InlineData("PROXY_PASS", true)]
    [InlineData("changeme", true)]
    [InlineData("your_password_here", true)]
    [InlineData("<password>", true)]
    [InlineData("t7#Kq9!vLm2x", false)]
    public void Placeholder_proxy_passwords_fail(string password, bool fails)
    {
        var env = Env();
        env["SPECTRA_ACCOUNTS__0__PROXY__PASSWORD"] = password;
        var findings = ConfigFixture.ValidateJson(
            "{ \"accounts\": [ { \"name\": \"a\", \"proxy\": { \"type\": \"socks5\", \"host\": \"h\", \"port\": 1080, \"username\": \"u\" } } ] }", env);
        if (fails)
        {
            FindingAssertions.Single(findings, ConfigCheck.Security, FindingStatus.Fail, "accounts[0].proxy.password");
        }
        else
        {
            FindingAssertions.None(findings, ConfigCheck.Security, "accounts[0].proxy.password");
        }
    }

    [Fact]
    public void A_secret_in_the_file_warns_and_says_where_to_move_it()
    {
        using var fixture = new ConfigFixture().WithFile($$"""
            {
              "accounts": [ {
                "name": "a",
                "api_hash": "{{ConfigFixture.GoodHash}}",
                "phone": "+447700900123"
              } ]
            }
            """);
        var findings = fixture.Validate(Env(hash: null));
        var hash = FindingAssertions.Single(findings, ConfigCheck.Security, FindingStatus.Warn, "accounts[0].api_hash");
        Assert.Contains("TG_API_HASH", hash.Message, StringComparison.Ordinal);
        Assert.Equal($"{fixture.ConfigPath}:4", hash.Location);
        var phone = FindingAssertions.Single(findings, ConfigCheck.Security, FindingStatus.Warn, "accounts[0].phone");
        Assert.Contains("SPECTRA_ACCOUNTS__0__PHONE", phone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_in_the_file_that_the_environment_overrides_warns_that_it_is_unused()
    {
        var findings = ConfigFixture.ValidateJson($$"""{ "accounts": [ { "name": "a", "api_hash": "{{ConfigFixture.OtherHash}}" } ] }""", Env());
        var finding = FindingAssertions.Single(findings, ConfigCheck.Security, FindingStatus.Warn, "accounts[0].api_hash");
        Assert.Contains("overrides it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_supplied_only_by_the_environment_or_dotEnv_do_not_warn()
    {
        using var fixture = new ConfigFixture().WithFile("{ \"accounts\": [ { \"name\": \"a\" } ] }")
            .WithDotEnv($"TG_API_HASH={ConfigFixture.GoodHash}\nSPECTRA_ACCOUNTS__0__PHONE=+447700900123\n");
        var findings = fixture.Validate(Env(hash: null));
        FindingAssertions.None(findings, ConfigCheck.Security, "accounts[0].api_hash");
        FindingAssertions.None(findings, ConfigCheck.Security, "accounts[0].phone");
        Assert.Contains(findings, f => f.Check == ConfigCheck.Security && f.Status == FindingStatus.Pass);
    }

    [SkippableFact]
    public void A_config_file_readable_by_others_warns_and_fails_when_it_holds_secrets()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        using (var plain = new ConfigFixture().WithFile("{}", readable))
        {
            var finding = FindingAssertions.Single(plain.Validate(), ConfigCheck.Security, FindingStatus.Warn, "(file)");
            Assert.Contains("chmod 600", finding.Message, StringComparison.Ordinal);
            Assert.Contains("644", finding.Message, StringComparison.Ordinal);
        }

        using var secret = new ConfigFixture().WithFile("{ \"accounts\": [ { \"name\": \"a\", \"phone\": \"+447700900123\" } ] }", readable);
        FindingAssertions.Single(secret.Validate(), ConfigCheck.Security, FindingStatus.Fail, "(file)");
    }

    [SkippableTheory]
    [InlineData("accounts[0].proxy.host", "{ \"accounts\": [ { \"name\": \"a\", \"proxy\": { \"type\": \"socks5\", \"host\": \"socks5://me:pw@127.0.0.1\", \"port\": 1080 } } ] }")]
    [InlineData("storage.database", "{ \"storage\": { \"database\": \"me:pw@host\" } }")]
    public void A_config_file_readable_by_others_fails_when_a_value_holds_url_credentials(string field, string json)
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead;
        using var fixture = new ConfigFixture().WithFile(json, readable);
        var findings = fixture.Validate();
        var finding = FindingAssertions.Single(findings, ConfigCheck.Security, FindingStatus.Fail, "(file)");
        Assert.Contains("holds secrets", finding.Message, StringComparison.Ordinal);
        // Not a key to move to a variable: the BusinessRules check says how to split a proxy URL.
        FindingAssertions.None(findings, ConfigCheck.Security, field);
    }

    [SkippableFact]
    public void A_dotEnv_readable_by_others_fails_when_a_value_holds_url_credentials()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead;
        using var fixture = new ConfigFixture().WithDotEnv("SPECTRA_ACCOUNTS__0__PROXY__HOST=socks5://me:pw@127.0.0.1\n", readable);
        FindingAssertions.Single(fixture.Validate(), ConfigCheck.Security, FindingStatus.Fail, ".env");
    }

    [SkippableFact]
    public void A_config_file_writable_by_others_fails_and_a_private_one_passes()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        using (var writable = new ConfigFixture().WithFile("{}", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite))
        {
            var finding = FindingAssertions.Single(writable.Validate(), ConfigCheck.Security, FindingStatus.Fail, "(file)");
            Assert.Contains("writable by other users", finding.Message, StringComparison.Ordinal);
        }

        using var mine = new ConfigFixture().WithFile("{}");
        FindingAssertions.None(mine.Validate(), ConfigCheck.Security, "(file)");
    }

    [SkippableFact]
    public void A_dotEnv_readable_by_others_fails_when_it_holds_a_secret()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead;
        using (var secret = new ConfigFixture().WithDotEnv($"TG_API_HASH={ConfigFixture.GoodHash}\n", readable))
        {
            FindingAssertions.Single(secret.Validate(), ConfigCheck.Security, FindingStatus.Fail, ".env");
        }

        using (var harmless = new ConfigFixture().WithDotEnv("SPECTRA_LOG_LEVEL=Debug\n", readable))
        {
            FindingAssertions.Single(harmless.Validate(), ConfigCheck.Security, FindingStatus.Warn, ".env");
        }

        using var mine = new ConfigFixture().WithDotEnv($"TG_API_HASH={ConfigFixture.GoodHash}\n");
        FindingAssertions.None(mine.Validate(), ConfigCheck.Security, ".env");
    }
}
