namespace Spectra.Telegram.Mtproto;

/// <summary>
/// Client msg_ids: about unixtime * 2^32 (seconds in the high half, the sub-second fraction below), divisible by 4,
/// strictly increasing even when the clock stalls or the offset is corrected backwards. The server-time offset
/// (set from server_time or a bad_msg_notification 16/17) is applied so ids land in the server's window.
/// </summary>
public sealed class MessageIdGenerator
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private long _last;

    public MessageIdGenerator(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Server time minus local time, in seconds.</summary>
    public int TimeOffsetSeconds { get; set; }

    public long Next()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() + (TimeOffsetSeconds * 1000L);
        var seconds = now / 1000;
        var fraction = (now % 1000) * (1L << 32) / 1000;
        var id = ((seconds << 32) | fraction) & ~3L;
        lock (_gate)
        {
            if (id <= _last)
            {
                id = _last + 4;
            }

            _last = id;
            return id;
        }
    }

    /// <summary>Sets the offset from a server msg_id (whose high half is the server's unixtime).</summary>
    public void SynchronizeWith(long serverMessageId)
    {
        var serverSeconds = serverMessageId >> 32;
        TimeOffsetSeconds = (int)(serverSeconds - _time.GetUtcNow().ToUnixTimeSeconds());
    }
}
