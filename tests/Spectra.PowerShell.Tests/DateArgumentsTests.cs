using Spectra.PowerShell.Infrastructure;

namespace Spectra.PowerShell.Tests;

public class DateArgumentsTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Local_dates_become_the_same_moment_in_UTC()
    {
        var local = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Local);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), DateArguments.ToOffset(local, Tokyo));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 14, 0, 0, TimeSpan.Zero), DateArguments.ToOffset(local, NewYork));
        var utc = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTimeOffset(utc), DateArguments.ToOffset(utc, Tokyo));
        Assert.Null(DateArguments.ToOffset(null, Tokyo));
    }

    [Fact]
    public void Bounds_before_the_first_or_after_the_last_UTC_moment_are_clamped_not_thrown()
    {
        // 0001-01-01 00:00 in Tokyo is 9 hours before the first UTC moment; 9999-12-31 23:00 in New York, after the last.
        Assert.Equal(DateTimeOffset.MinValue, DateArguments.ToOffset(DateTime.MinValue, Tokyo));
        Assert.Equal(DateTimeOffset.MinValue, DateArguments.ToOffset(new DateTime(1, 1, 1, 5, 0, 0, DateTimeKind.Local), Tokyo));
        Assert.Equal(DateTimeOffset.MaxValue, DateArguments.ToOffset(DateTime.MaxValue, NewYork));
        Assert.Equal(DateTimeOffset.MaxValue, DateArguments.ToOffset(new DateTime(9999, 12, 31, 23, 0, 0, DateTimeKind.Local), NewYork));
        // Inside the range it is an ordinary conversion (Tokyo then kept its local mean time, +9:18:59).
        var noon = DateArguments.ToOffset(new DateTime(1, 1, 1, 12, 0, 0, DateTimeKind.Local), Tokyo)!.Value;
        Assert.Equal(new DateTime(1, 1, 1, 12, 0, 0) - Tokyo.GetUtcOffset(new DateTime(1, 1, 1, 12, 0, 0)), noon.UtcDateTime);
    }
}
