namespace Spectra.Core.Import;

/// <summary>
/// What importing one chat did. <see cref="Imported"/> counts messages new to the archive, <see cref="Updated"/>
/// ones merged into existing rows (live-archived or from an older export), <see cref="Skipped"/> ones already
/// stored identically (a re-import), <see cref="Failed"/> ones that could not be read or written.
/// </summary>
public sealed record ImportChatSummary(string? Chat, long ChatId, long PeerId, string? Type)
{
    public long Imported { get; init; }

    public long Updated { get; init; }

    public long Skipped { get; init; }

    public long Failed { get; init; }

    public long MediaStored { get; init; }

    public long MediaMissing { get; init; }

    public TimeSpan Duration { get; init; }
}
