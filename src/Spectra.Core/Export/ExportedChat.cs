namespace Spectra.Core.Export;

/// <summary>What exporting one chat wrote: messages, files copied, files the archive does not have, and where.</summary>
public sealed record ExportedChat(long PeerId, string Chat, string Format, long Messages, long MediaFiles, long MediaMissing,
    string Path);
