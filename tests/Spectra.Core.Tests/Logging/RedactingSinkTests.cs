using Serilog;
using Serilog.Core;
using Serilog.Events;
using Spectra.Core.Logging;

namespace Spectra.Core.Tests.Logging;

public class RedactingSinkTests
{
    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    private static LogEvent Capture(Action<ILogger> log)
    {
        var sink = new CollectingSink();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger())
        {
            log(logger);
        }

        return Assert.Single(sink.Events);
    }

    [Fact]
    public void AnEventWithNothingToHideIsPassedOnUnchanged()
    {
        var original = Capture(l => l.Information("Archived {Count} messages from {Channel}", 5, "https://t.me/durov"));
        Assert.Same(original, new RedactingSink(new CollectingSink()).Clean(original));
    }

    [Fact]
    public void TheOriginalEventIsNeverModified()
    {
        var original = Capture(l => l.Information("Login {Password} for {User} with {@Account}", "hunter2", "alice", new { Name = "main", ApiHash = "abc" }));
        var cleaned = new RedactingSink(new CollectingSink()).Clean(original);

        Assert.NotSame(original, cleaned);
        Assert.Equal("\"hunter2\"", original.Properties["Password"].ToString());
        Assert.Equal("[REDACTED]", cleaned.Properties["Password"].ToString());
        Assert.Equal("\"alice\"", cleaned.Properties["User"].ToString());
        Assert.Contains("ApiHash: [REDACTED]", cleaned.Properties["Account"].ToString());
        Assert.Contains("Name: \"main\"", cleaned.Properties["Account"].ToString());
        Assert.Equal(original.Properties.Keys.Order(), cleaned.Properties.Keys.Order());
    }

    [Fact]
    public void SecretsInTheTemplateTextAndExceptionAreRedacted()
    {
        var original = Capture(l => l.Error(new InvalidOperationException("token=abc123"), "raw api_hash=deadbeef01 in {Where}", "config"));
        var cleaned = new RedactingSink(new CollectingSink()).Clean(original);

        Assert.DoesNotContain("deadbeef01", cleaned.RenderMessage());
        Assert.Contains("config", cleaned.RenderMessage());
        Assert.IsType<RedactedException>(cleaned.Exception);
        Assert.DoesNotContain("abc123", cleaned.Exception!.ToString());
        Assert.Contains("InvalidOperationException", cleaned.Exception.ToString());
    }
}
