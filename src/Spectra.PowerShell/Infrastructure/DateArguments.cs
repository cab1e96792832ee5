namespace Spectra.PowerShell.Infrastructure;

/// <summary>Dates typed at the prompt are local unless they say otherwise; the archive stores UTC.</summary>
internal static class DateArguments
{
    public static DateTimeOffset? ToOffset(DateTime? value) => ToOffset(value, TimeZoneInfo.Local);

    /// <summary>
    /// A local time east of UTC at 0001-01-01 (or west of it at 9999-12-31) has no UTC time at all, and
    /// DateTimeOffset refuses it. As a filter bound it means "from the beginning" (or "to the end"), so it is
    /// clamped to the first (or last) moment there is instead.
    /// </summary>
    internal static DateTimeOffset? ToOffset(DateTime? value, TimeZoneInfo zone)
    {
        switch (value)
        {
            case null:
                return null;
            case { Kind: DateTimeKind.Utc } utc:
                return new DateTimeOffset(utc);
            case { } local:
                var offset = zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
                var utcTicks = local.Ticks - offset.Ticks;
                return utcTicks < DateTimeOffset.MinValue.UtcTicks ? DateTimeOffset.MinValue
                    : utcTicks > DateTimeOffset.MaxValue.UtcTicks ? DateTimeOffset.MaxValue
                    : new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        }
    }
}
