using Spectra.Core.Logging;

namespace Spectra.Core.Tests.Logging;

public class RedactorTests
{
    // Each positive: the text, and the secret part that must disappear.
    public static TheoryData<string, string> Positives => new()
    {
        { "api_hash=0123456789abcdef0123456789abcdef", "0123456789abcdef" },
        { "api_hash: 0123456789abcdef0123456789abcdef", "0123456789abcdef" },
        { "{\"api_hash\":\"a1b2c3d4e5f6a7b8c9d0\",\"api_id\":12345}", "a1b2c3d4e5f6a7b8c9d0" },
        { "{\"password\": \"hunter2\"}", "hunter2" },
        { "login failed for api_key='sk-live-77aa99'", "sk-live-77aa99" },
        { "Password: hunter2", "hunter2" },
        { "passwd=s3cr3t&user=bob", "s3cr3t" },
        { "password=Tr0ub4dor&3 next", "&3" },
        { "your code: 52817", "52817" },
        { "Login code is 123456", "123456" },
        { "db_password => \"p@ss word\"", "p@ss word" },
        { "client_secret=abcDEF123", "abcDEF123" },
        { "bot_token=123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1" },
        { "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "eyJhbGciOiJIUzI1NiJ9" },
        { "header was Bearer abc.def-123", "abc.def-123" },
        { "Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA" },
        { "Proxy-Authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz" },
        { "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1/getMe", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1" },
        { "token 1234567890:ABCdefGHIjklMNOpqrSTUvwxYZ012345678 leaked", "ABCdefGHIjklMNOpqrSTUvwxYZ012345678" },
        { "call +15551234567 now", "5551234567" },
        { "phone +44 20 7946 0958 registered", "7946 0958" },
        { "sending code to +7 (999) 123-45-67", "123-45-67" },
        { "+49.30.1234.5678", "1234.5678" },
        { "phone=79991234567", "79991234567" },
        { "PASSWORD=Abc123", "Abc123" },
        { "X-Api-Hash: f00dfeedf00dfeed", "f00dfeedf00dfeed" },
        { "file_id=AgACAgIAAxkBAAIBY2Zk1234567890abcdefGHIJKLmnopqrstuv", "AgACAgIAAxkBAAIBY2Zk1234567890" },
        { "socks5://alice:Pr0xyPass@10.0.0.1:1080", "Pr0xyPass" },
        { "connect https://user:pa55@example.org/path", "pa55" },
        { "session 1BVtsOKABu7fFhm3J2yQ9cO8Ppz0lWbEdkAqW4nRfGs1x2Y3z4A5b6C7d8E9f0G1h2I3j4K5l6M7n8O9p0Q1r2S3t4U5v6W7x8Y9z0A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5= end", "1BVtsOKABu7fFhm3J2yQ9cO8Ppz0" },
        { "key material Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZkdISUpLTE1OT1A= here", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi" },
        { "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc\n-----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA7" },
        { "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAA" },
        { "auth_key=" + new string('a', 16) + "ff00", "aaaaaaaaaaaaaaaaff00" },
        { "dump " + string.Concat(Enumerable.Repeat("0123456789abcdef", 8)), "0123456789abcdef0123" },
    };

    // Ordinary message text that must come out exactly as it went in.
    public static TheoryData<string> Negatives => new()
    {
        "Hello world! #news #Telegram #2024",
        "See https://t.me/durov and https://example.com/path?q=1&page=2",
        "Archived 12345 messages from channel -1001234567890 in 2024",
        "Price: $12.50, was €15; 3 for 2, +5% today, +1000 members",
        "Meeting on 2024-05-01 at 13:45:10 UTC, ends 2024-05-01T15:00:00Z",
        "message id 987654321 replied to 987654320",
        "colour #ff00aa and #FFF",
        "Basic information about the channel",
        "Bearer of bad news",
        "user@example.com wrote to support@telegram.org",
        "version 1.2.3+build.45 released",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "tokens=5 and tokenizer ready",
        "the_quick_brown_fox_jumps_over_the_lazy_dog_again_and_again",
        "/home/user/spectra/archive/main/media/photos/2024/05/01",
        "api_id=12345",
        "call me at 555-1234",
        "ratio 16:9 at 12:30",
        "@durov posted in t.me/telegram/123",
        "range 100000-200000 ids",
        "error code: 404 from server",
        "postal code 10115 Berlin",
        "https://t.me/c/1234567890/123 and https://t.me/+AbCdEfGhIjKlMnOp",
        "media/main/123456_5432109876543210987.jpg saved",
        "request 3fa85f64-5717-4562-b3fc-2c963f66afa6 done",
        @"C:\Users\Alice\Documents\Spectra\archive2024\Media\Photos2024",
        "DEBUG pass 2/3 (Ones) flushed; key rotation due; hash check ok",
        "",
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void SecretsAreReplacedByTheMarker(string text, string secretPart)
    {
        var redacted = Redactor.Redact(text);
        Assert.DoesNotContain(secretPart, redacted);
        Assert.Contains(Redactor.Marker, redacted);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void OrdinaryTextIsNotMangled(string text) => Assert.Equal(text, Redactor.Redact(text));

    [Fact]
    public void KeysStayReadableSoTheLineStillSaysWhatWasHidden()
    {
        Assert.Equal("api_hash=[REDACTED] api_id=123", Redactor.Redact("api_hash=deadbeefcafe api_id=123"));
        Assert.Equal("{\"password\":\"[REDACTED]\"}", Redactor.Redact("{\"password\":\"x\"}"));
        Assert.Equal("socks5://[REDACTED]@10.0.0.1:1080", Redactor.Redact("socks5://u:p@10.0.0.1:1080"));
    }

    [Fact]
    public void RedactingTwiceChangesNothingMore()
    {
        var once = Redactor.Redact("password=abc token: xyz +15551234567");
        Assert.Equal(once, Redactor.Redact(once));
    }

    [Fact]
    public void NullBecomesEmpty() => Assert.Equal(string.Empty, Redactor.Redact(null));

    [Theory]
    [InlineData("ApiHash", true)]
    [InlineData("api_hash", true)]
    [InlineData("Password", true)]
    [InlineData("PhoneNumber", true)]
    [InlineData("SessionString", true)]
    [InlineData("AuthKey", true)]
    [InlineData("Code", true)]
    [InlineData("BotToken", true)]
    [InlineData("ChannelId", false)]
    [InlineData("MessageCount", false)]
    [InlineData("Path", false)]
    [InlineData("ErrorCode", false)]
    public void SecretNamesIgnoreCaseAndSeparators(string name, bool secret) => Assert.Equal(secret, SecretNames.IsSecret(name));
}
