using System.Runtime.Versioning;
using Serilog.Events;
using Spectra.Core.Hosting;
using Spectra.Core.Logging;
using Spectra.Core.Security;
using Spectra.Core.Tests.Support;

namespace Spectra.Core.Tests.Logging;

public class LoggingPipelineTests
{
    private const string ApiHash = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private const string Phone = "+15557654321";
    private const string TwoFa = "Tr0ub4dor&3";
    private const string BotToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private const string LoginCode = "52817";
    private const string ProxyPassword = "Pr0xyPa55";

    private static readonly string[] Secrets = [ApiHash, Phone, "5557654321", TwoFa, BotToken, "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1", LoginCode, ProxyPassword];

    [Fact]
    public void SecretsLoggedAtDebugReachNeitherTheFileNorTheHost()
    {
        using var dir = new TempDirectory();
        var host = new CollectingHost();
        using (var logger = SpectraLogging.CreateLogger(new LoggingOptions { Level = LogEventLevel.Verbose, Directory = dir.Path }, host))
        {
            using var secret = SecretValue.FromString("api_hash", ApiHash);
            logger.Debug("Connecting with {ApiHash} for {Phone}", ApiHash, Phone);
            logger.Debug("Using secret {Secret} and destructured {@Secret}", secret, secret);
            logger.Debug("Account {@Account}", new { Name = "main", ApiHash, PhoneNumber = Phone, Password = TwoFa });
            logger.Debug("Settings {@Settings}", new Dictionary<string, object> { ["password"] = TwoFa, ["channel"] = "durov" });
            logger.Verbose("Raw config line: api_hash=" + ApiHash + " phone " + Phone);
            logger.Debug("Bot call https://api.telegram.org/bot" + BotToken + "/getMe");
            logger.Information("Login code is {Text}", "code: " + LoginCode + ", 2fa password=" + TwoFa);
            logger.Warning("Proxy {Proxy} refused", "socks5://alice:" + ProxyPassword + "@10.0.0.1:1080");
            logger.Error(new InvalidOperationException("auth failed for password=" + TwoFa), "Sign-in failed for {User}", "alice");
            logger.Debug("Codes {Codes}", new[] { "api_hash=" + ApiHash, "token: " + BotToken });
            logger.Information("Archived {Count} messages from {Channel} on {Date}", 12345, "https://t.me/durov", "2024-05-01");
        }

        var files = Directory.GetFiles(dir.Path, "*.clef");
        Assert.Single(files);
        var fileText = File.ReadAllText(files[0]);
        var hostText = string.Join("\n", host.Messages.Select(m => m.Message));

        foreach (var secret in Secrets)
        {
            Assert.False(fileText.Contains(secret, StringComparison.Ordinal), $"file contains {secret}: {fileText}");
            Assert.DoesNotContain(secret, fileText);
            Assert.DoesNotContain(secret, hostText);
        }

        // The pipeline did log: every event reached both sinks, with ordinary values intact.
        Assert.Equal(11, File.ReadAllLines(files[0]).Length);
        Assert.Equal(11, host.Messages.Count);
        Assert.Contains("[REDACTED]", fileText);
        Assert.Contains("https://t.me/durov", hostText);
        Assert.Contains("12345", hostText);
        Assert.Contains("alice", hostText);
        Assert.Contains("InvalidOperationException", fileText);
    }

    [Fact]
    public void LevelsMapOntoTheHostStreams()
    {
        var host = new CollectingHost();
        using (var logger = SpectraLogging.CreateLogger(new LoggingOptions { Level = LogEventLevel.Verbose }, host))
        {
            logger.Verbose("v");
            logger.Debug("d");
            logger.Information("i");
            logger.Warning("w");
            logger.Error("e");
        }

        Assert.Equal(
            [(HostLogLevel.Debug, "v"), (HostLogLevel.Debug, "d"), (HostLogLevel.Verbose, "i"), (HostLogLevel.Warning, "w"), (HostLogLevel.Warning, "Error: e")],
            host.Messages.ToArray());
    }

    [Fact]
    public void EventsBelowTheConfiguredLevelAreDropped()
    {
        var host = new CollectingHost();
        using (var logger = SpectraLogging.CreateLogger(new LoggingOptions { Level = LogEventLevel.Warning }, host))
        {
            logger.Debug("hidden");
            logger.Warning("shown");
        }

        Assert.Equal("shown", Assert.Single(host.Messages).Message);
    }

    [Fact]
    public void WithoutSecureModeNamedAndTypedSecretsAreStillRedacted()
    {
        var host = new CollectingHost();
        string secretTag;
        using (var logger = SpectraLogging.CreateLogger(new LoggingOptions { Level = LogEventLevel.Debug, Secure = false }, host))
        {
            using var secret = SecretValue.FromString("api_hash", ApiHash);
            secretTag = secret.ToString();
            logger.Debug("{ApiHash} {Value}", ApiHash, secret);
            logger.Debug("free text api_hash=" + ApiHash);
        }

        var messages = host.Messages.Select(m => m.Message).ToArray();
        // A plain {Value} capture of a SecretValue is its tag; the value itself never appears.
        Assert.Equal($"[REDACTED] \"{secretTag}\"", messages[0]);
        // The free-text backstop is what Secure turns off.
        Assert.Contains(ApiHash, messages[1]);
    }

    [Fact]
    public void LogFilesRollDailyAndKeepTheConfiguredCount()
    {
        using var dir = new TempDirectory();
        using (var logger = SpectraLogging.CreateLogger(new LoggingOptions { Directory = dir.Path, RetainedFiles = 2 }))
        {
            logger.Information("one line");
        }

        var file = Assert.Single(Directory.GetFiles(dir.Path));
        Assert.Matches(@"spectra-\d{8}\.clef$", file);
        Assert.Contains("\"@mt\":\"one line\"", File.ReadAllText(file));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectraLogging.CreateLogger(new LoggingOptions { RetainedFiles = 0 }));
    }

    [SkippableFact]
    public void OnUnixTheLogDirectoryIsPrivateToItsOwner()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");

        using var dir = new TempDirectory();
        var logs = Path.Combine(dir.Path, "logs");
        using (var logger = SpectraLogging.CreateLogger(new LoggingOptions { Directory = logs }))
        {
            logger.Information("x");
        }

        var mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(logs);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, mode);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void OnUnixEveryLogFileIsOwnerOnlyEvenInAConfiguredFolderOthersCanEnter()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");

        using var dir = new TempDirectory();
        var shared = Path.Combine(dir.Path, "shared-logs");
        const UnixFileMode OpenFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(shared, OpenFolder);
        using (var logger = SpectraLogging.CreateLogger(new LoggingOptions { Directory = shared }))
        {
            logger.Information("Imported chat {Title}", "Family");
        }

        var file = Assert.Single(Directory.GetFiles(shared, "*.clef"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        // A folder the user configured is theirs: its mode is left alone.
        Assert.Equal(OpenFolder, File.GetUnixFileMode(shared));
    }
}
