using Spectra.Core.Errors;

namespace Spectra.Core.Export;

/// <summary>The exporter's error ids and messages in one place, so ids stay stable and wording consistent.</summary>
public static class ExportErrors
{
    /// <summary>ChannelNotFound for <paramref name="names"/>, none of which names an archived chat with messages.</summary>
    public static SpectraException ChannelNotFound(string databasePath, IReadOnlyCollection<string> names) => new(
        "ChannelNotFound", SpectraErrorCategory.ObjectNotFound,
        $"No archived chat with messages matches {string.Join(", ", names.Select(n => $"'{n}'"))}.",
        "Use a peer id, Telegram id, @username or title as Get-SpectraChannel lists them.",
        new ErrorLocation(databasePath, Field: "Channel"));
}
