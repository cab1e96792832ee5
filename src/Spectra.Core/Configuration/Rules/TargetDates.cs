using System.Text.Json;

namespace Spectra.Core.Configuration.Rules;

/// <summary>Reads since/until exactly as the typed model does (ISO 8601 dates or date-times), so validation and binding agree.</summary>
internal static class TargetDates
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DateTimeOffset>(JsonSerializer.Serialize(text));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
