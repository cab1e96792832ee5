using System.Globalization;

namespace Spectra.Core.Import;

/// <summary>
/// A sender or actor id as the export writes it: a prefixed string (<c>user123</c>, <c>channel456</c>,
/// <c>chat789</c>) in current Telegram Desktop builds, a bare number in old ones (always a user then).
/// </summary>
public readonly record struct ExportPeerReference(ExportPeerKind Kind, long Id)
{
    public static bool TryParse(string? text, out ExportPeerReference peer)
    {
        peer = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        (ExportPeerKind kind, int prefix) = text switch
        {
            _ when text.StartsWith("user", StringComparison.Ordinal) => (ExportPeerKind.User, 4),
            _ when text.StartsWith("channel", StringComparison.Ordinal) => (ExportPeerKind.Channel, 7),
            _ when text.StartsWith("chat", StringComparison.Ordinal) => (ExportPeerKind.Chat, 4),
            _ => (ExportPeerKind.User, 0),
        };
        if (!long.TryParse(text.AsSpan(prefix), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        peer = new ExportPeerReference(kind, id);
        return true;
    }

    /// <summary>The export's own spelling, e.g. <c>user123</c>.</summary>
    public override string ToString() => Kind switch
    {
        ExportPeerKind.Channel => "channel",
        ExportPeerKind.Chat => "chat",
        _ => "user",
    } + Id.ToString(CultureInfo.InvariantCulture);
}
