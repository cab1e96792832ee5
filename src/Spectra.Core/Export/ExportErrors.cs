using Spectra.Core.Errors;

namespace Spectra.Core.Export;

/// <summary>The exporter's error ids and messages in one place, so ids stay stable and wording consistent.</summary>
public static class ExportErrors
{
    public const string ChannelNotFoundId = "ChannelNotFound";

    /// <summary>ChannelNotFound for <paramref name="names"/>, none of which names an archived chat with messages.</summary>
    public static SpectraException ChannelNotFound(string databasePath, IReadOnlyCollection<string> names) => new(
        ChannelNotFoundId, SpectraErrorCategory.ObjectNotFound,
        $"No archived chat with messages matches {string.Join(", ", names.Select(n => $"'{n}'"))}.",
        "Use a peer id, Telegram id, @username or title as Get-SpectraChannel lists them.",
        new ErrorLocation(databasePath, Field: "Channel"));

    /// <summary>
    /// ExportDestinationUnwritable: the file system refused the export (a file where a folder is needed, a name too
    /// long, no write access, a full disk). The destination is the user's choice, so this is bad input with a fix,
    /// not a crash; the inner message names the exact path that failed.
    /// </summary>
    public static SpectraException DestinationUnwritable(string destination, Exception inner) => new(
        "ExportDestinationUnwritable", SpectraErrorCategory.WriteError,
        $"The export could not be written there: {inner.Message}",
        "Give -Destination a folder you can write to: every part of the path above it must be a folder (not a file), "
            + "each name must fit the file system's length limit (255 characters on most), and the disk must have room.",
        new ErrorLocation(destination), inner);
}
