using Spectra.Telegram.Mtproto;

namespace Spectra.Telegram.Tests.Mtproto;

/// <summary>Client msg_id rules: time-based, divisible by 4, strictly increasing even on a frozen or rewound clock.</summary>
public sealed class MessageIdGeneratorTests
{
    [Fact]
    public void Ids_follow_the_clock_and_stay_increasing_when_it_stalls_or_goes_back()
    {
        var clock = new ManualTime(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddMilliseconds(500));
        var ids = new MessageIdGenerator(clock);
        var first = ids.Next();
        Assert.Equal(1_700_000_000L, first >> 32);
        Assert.Equal(0, first % 4);
        Assert.InRange(first & 0xffffffffL, (1L << 31) - 1_000_000, (1L << 31) + 1_000_000);   // half a second

        var frozen = Enumerable.Range(0, 100).Select(_ => ids.Next()).ToList();
        Assert.All(frozen, id => Assert.Equal(0, id % 4));
        Assert.Equal(frozen.Order(), frozen);
        Assert.Equal(100, frozen.Distinct().Count());
        Assert.True(frozen[0] > first);

        clock.Now = clock.Now.AddSeconds(-30);
        Assert.True(ids.Next() > frozen[^1]);
    }

    [Fact]
    public void Server_msg_id_sets_the_time_offset()
    {
        var clock = new ManualTime(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var ids = new MessageIdGenerator(clock);
        ids.SynchronizeWith((1_700_000_000L + 3600) << 32 | 1);
        Assert.Equal(3600, ids.TimeOffsetSeconds);
        Assert.Equal(1_700_000_000L + 3600, ids.Next() >> 32);
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
