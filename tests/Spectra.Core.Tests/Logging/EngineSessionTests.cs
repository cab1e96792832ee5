using System.Runtime.Versioning;
using System.Text.Json;
using Spectra.Core.Errors;
using Spectra.Core.Hosting;
using Spectra.Core.Tests.Configuration;
using Spectra.Core.Tests.Support;

namespace Spectra.Core.Tests.Logging;

public sealed class EngineSessionTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef";
    private const string Phone = "+15551234567";
    private const string ProxyPassword = "Pr0xyPa55-Known";

    [Fact]
    public void Engine_events_reach_the_host_and_a_compact_json_file_in_the_configured_directory_without_secrets()
    {
        using var fixture = new ConfigFixture().WithFile($$"""
            { "accounts": [ { "name": "a", "api_id": 1234, "api_hash": "{{Hash}}", "phone": "{{Phone}}",
                "proxy": { "type": "socks5", "host": "127.0.0.1", "port": 1080, "username": "u", "password": "{{ProxyPassword}}" } } ],
              "storage": { "database": "arch.db" }, "logging": { "level": "Debug", "directory": "lg" } }
            """);
        var host = new CollectingHost();
        using (var session = EngineSession.Open(null, new Dictionary<string, string>(), fixture.Directory, host))
        {
            Assert.Equal(Path.Combine(fixture.Directory, "arch.db"), session.DatabasePath);
            Assert.Equal(Path.Combine(fixture.Directory, "lg"), session.LogDirectory);
            session.Log(HostLogLevel.Verbose, "Imported chat News: 3 new");
            session.Log(HostLogLevel.Debug, $"leaked? api_hash={Hash} phone {Phone} password={ProxyPassword}");
        }

        Assert.Contains(host.Messages, m => m.Level == HostLogLevel.Verbose && m.Message == "Imported chat News: 3 new");
        Assert.Contains(host.Messages, m => m.Level == HostLogLevel.Debug && m.Message.Contains("arch.db", StringComparison.Ordinal));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(fixture.Directory, "lg"), "*.clef"));
        var lines = File.ReadAllLines(file);
        Assert.All(lines, line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("@t", out _)));
        Assert.Contains(lines, l => l.Contains("Imported chat News: 3 new", StringComparison.Ordinal));
        var everything = string.Join("\n", lines) + string.Join("\n", host.Messages.Select(m => m.Message));
        foreach (var secret in new[] { Hash, Phone, ProxyPassword })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_broken_config_file_stops_a_session_without_an_explicit_database_with_its_file_and_line()
    {
        using var fixture = new ConfigFixture().WithFile("{\n  \"storage\": { \"database\": \"a.db\" \n}\n");
        var error = Assert.Throws<SpectraException>(() =>
            EngineSession.Open(null, new Dictionary<string, string>(), fixture.Directory, new CollectingHost()));
        Assert.Equal("ConfigParseError", error.ErrorId);
        Assert.Equal(fixture.ConfigPath, error.Location?.File);
        Assert.True(error.Location?.Line > 0);
    }

    [Fact]
    public void With_an_explicit_database_a_broken_config_is_a_warning_and_defaults_apply()
    {
        using var fixture = new ConfigFixture().WithFile("{ broken");
        var host = new CollectingHost();
        var database = Path.Combine(fixture.Directory, "given.db");
        using var session = EngineSession.Open(null, new Dictionary<string, string>(), fixture.Directory, host, database);
        Assert.Equal(database, session.DatabasePath);
        Assert.Contains(host.Messages, m => m.Level == HostLogLevel.Warning && m.Message.Contains("ConfigParseError", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unwritable_log_directory_costs_a_warning_not_the_command()
    {
        using var fixture = new ConfigFixture();
        var blocker = Path.Combine(fixture.Directory, "afile");
        File.WriteAllText(blocker, "x");
        var host = new CollectingHost();
        using var session = EngineSession.Open(null, new Dictionary<string, string> { ["SPECTRA_LOGGING__DIRECTORY"] = Path.Combine(blocker, "logs") },
            fixture.Directory, host);
        Assert.Null(session.LogDirectory);
        Assert.Contains(host.Messages, m => m.Level == HostLogLevel.Warning && m.Message.Contains("No log file", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dry_run_creates_no_log_folder_but_still_tells_the_host()
    {
        using var fixture = new ConfigFixture();
        var host = new CollectingHost();
        using (var session = EngineSession.Open(null, new Dictionary<string, string>(), fixture.Directory, host, writeLogFile: false))
        {
            session.Log(HostLogLevel.Verbose, "dry");
            Assert.Null(session.LogDirectory);
        }

        Assert.False(Directory.Exists(Path.Combine(fixture.Directory, "logs")));
        Assert.Contains(host.Messages, m => m.Message == "dry");
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void On_Unix_an_existing_default_logs_folder_beside_the_database_is_made_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");

        using var fixture = new ConfigFixture().WithFile("""{ "storage": { "database": "arch.db" } }""");
        var logs = Path.Combine(fixture.Directory, "logs");
        Directory.CreateDirectory(logs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        using (var session = EngineSession.Open(null, new Dictionary<string, string>(), fixture.Directory, new CollectingHost()))
        {
            Assert.Equal(logs, session.LogDirectory);
            session.Log(HostLogLevel.Verbose, "Imported chat News: 3 new");
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(logs));
    }
}
