using Spectra.Core.Configuration;
using Spectra.Core.Errors;

namespace Spectra.Core.Tests.Configuration;

/// <summary>Whatever goes wrong, no secret value may appear in a finding, a location or an exception message.</summary>
public sealed class SecretLeakTests
{
    // Values that each break a rule, so every secret field produces findings that could quote them.
    private const string BadHash = "5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8fZZ";
    private const string BadPhone = "+44 7700 900123";
    private const string Password = "hunter2-secret";
    private const string ProxySecret = "zz5f2b9c0e7d1a4c3b8e6f9a0d2c4b6e8f";

    private static readonly string[] s_secrets = [BadHash, BadPhone, Password, ProxySecret, ConfigFixture.GoodHash, "+447700900123"];

    private static void AssertClean(string text)
    {
        foreach (var secret in s_secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Findings_for_broken_secrets_never_contain_them()
    {
        using var fixture = new ConfigFixture().WithFile($$"""
            { "accounts": [
                { "name": "a", "api_hash": "{{BadHash}}", "phone": "{{BadPhone}}",
                  "proxy": { "type": "mtproxy", "host": "h", "port": 443, "username": "u", "password": "{{Password}}", "secret": "{{ProxySecret}}" } },
                { "name": "b", "api_hash": 5, "phone": "{{BadPhone}}" } ] }
            """, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead)
            .WithDotEnv($"SPECTRA_ACCOUNTS__1__PHONE=\"+447700900123\nSPECTRA_ACCOUNTS__0__PROXY__PASSWORD {Password}\n");
        var findings = fixture.Validate(new Dictionary<string, string> { ["SPECTRA_ACCOUNTS__5__API_HASH"] = ConfigFixture.GoodHash });
        Assert.Contains(findings, f => f.Field == "accounts[0].api_hash" && f.Status == FindingStatus.Fail);
        Assert.Contains(findings, f => f.Field == "accounts[0].phone" && f.Status == FindingStatus.Fail);
        Assert.Contains(findings, f => f.Field == "accounts[0].proxy.secret" && f.Status == FindingStatus.Fail);
        foreach (var finding in findings)
        {
            AssertClean(finding.Message + finding.Field + finding.Location);
        }
    }

    [Fact]
    public void Schema_messages_for_secret_fields_do_not_quote_the_value()
    {
        var env = new Dictionary<string, string> { ["TG_API_HASH"] = "not-a-hash-but-secret-anyway" };
        var findings = ConfigFixture.ValidateJson("{}", env);
        Assert.Contains(findings, f => f.Field == "accounts[0].api_hash" && f.Status == FindingStatus.Fail);
        Assert.All(findings, f => Assert.DoesNotContain("not-a-hash-but-secret-anyway", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Exceptions_from_loading_and_binding_never_contain_secrets()
    {
        using var fixture = new ConfigFixture().WithFile($$"""
            { "accounts": [ { "name": "a", "api_hash": "{{ConfigFixture.GoodHash}}", "phone": "+447700900123", "api_id": "x" } ] }
            """);
        var ex = Assert.Throws<SpectraException>(() => fixture.Load().Bind());
        AssertClean(ex.Message + ex.DetailedMessage + ex.Fix);

        using var broken = new ConfigFixture().WithFile($"{{ \"accounts\": [ {{ \"api_hash\": \"{ConfigFixture.GoodHash}\" \"phone\": \"+447700900123\" }} ] }}");
        var parse = Assert.Throws<SpectraException>(() => broken.Load());
        Assert.Equal("ConfigParseError", parse.ErrorId);
        AssertClean(parse.Message + parse.DetailedMessage + parse.Fix);
        AssertClean(ConfigValidator.ParseFailure(parse).Message);
    }
    [Fact]
    public void Values_of_unknown_keys_are_masked_and_known_plain_values_stay_visible()
    {
        using var fixture = new ConfigFixture().WithFile("""
            { "accounts": [ { "name": "a", "session": "s/a.session", "api_hsah": "aa11bb22cc33dd44ee55ff6677889900",
                              "proxy": { "type": "socks5", "host": "h", "port": 1080, "pasword": "TypoPassMARKER" } } ],
              "passwd": "+15550001234" }
            """, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var entries = fixture.Load().Entries().ToDictionary(e => e.Key);

        foreach (var key in new[] { "accounts[0].api_hsah", "accounts[0].proxy.pasword", "passwd" })
        {
            Assert.Equal("********", entries[key].DisplayValue);
            Assert.True(entries[key].IsSecret);
        }

        Assert.Equal("s/a.session", entries["accounts[0].session"].DisplayValue);
        Assert.Equal("h", entries["accounts[0].proxy.host"].DisplayValue);
        Assert.Equal("1080", entries["accounts[0].proxy.port"].DisplayValue);

        var findings = fixture.Validate();
        Assert.All(findings, f => Assert.DoesNotContain("TypoPassMARKER", f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.DoesNotContain("aa11bb22cc33dd44ee55ff6677889900", f.Message, StringComparison.Ordinal));
        // "passwd" looks like a secret by name, so the file readable by others holds one; it is an unknown key, so
        // the schema check asks to correct it instead of advising a variable that does not exist.
        Assert.Contains(findings, f => f.Field == "passwd" && f.Check == ConfigCheck.Schema && f.Message.Contains("Unknown key", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Field == "passwd" && f.Check == ConfigCheck.Security);
        Assert.Contains(findings, f => f.Field == "(file)" && f.Status == FindingStatus.Fail && f.Message.Contains("holds secrets", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_written_where_a_section_belongs_is_masked()
    {
        // The proxy written as the URL Test-SpectraConnection -Proxy takes, and an account as a bare string.
        using var fixture = new ConfigFixture().WithFile("""
            { "accounts": [ { "name": "a", "proxy": "socks5://me:UrlPassMARKER@127.0.0.1:1080" } ],
              "storage": "+15550001234" }
            """);
        var entries = fixture.Load().Entries().ToDictionary(e => e.Key);
        Assert.Equal("********", entries["accounts[0].proxy"].DisplayValue);
        Assert.Equal("********", entries["storage"].DisplayValue);
        Assert.Equal("a", entries["accounts[0].name"].DisplayValue);

        using var list = new ConfigFixture().WithFile("""{ "accounts": [ "+15550001234" ] }""");
        Assert.Equal("********", Assert.Single(list.Load().Entries(), e => e.Key == "accounts").DisplayValue);
    }
}
