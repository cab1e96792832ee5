namespace Spectra.PowerShell.Infrastructure;

/// <summary>Dates typed at the prompt are local unless they say otherwise; the archive stores UTC.</summary>
internal static class DateArguments
{
    public static DateTimeOffset? ToOffset(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
        { } local => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Local)),
    };
}
