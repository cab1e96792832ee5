namespace Spectra.Core.Export;

/// <summary>
/// The chats a list of names chose, and the names that matched none. Unmatched names are returned, not thrown, so
/// one typo among several names does not cancel the export of the others; the caller reports each one.
/// </summary>
public sealed record PeerSelection(IReadOnlyList<ArchivedPeer> Peers, IReadOnlyList<string> Unmatched);
