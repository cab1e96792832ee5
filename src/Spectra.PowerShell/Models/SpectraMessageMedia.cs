using Spectra.Core.Storage.Query;

namespace Spectra.PowerShell.Models;

/// <summary>One attachment of a message; <see cref="Path"/> is set when the file is in the media store.</summary>
public sealed class SpectraMessageMedia
{
    internal SpectraMessageMedia(MessageMediaView view)
    {
        Kind = view.Kind;
        FileName = view.FileName;
        Mime = view.Mime;
        Size = view.Size;
        Sha256 = view.Sha256;
        Path = view.FullPath;
        MissingReason = view.MissingReason;
    }

    public string Kind { get; }

    /// <summary>The original name, sanitized (metadata only: the file is stored under its hash).</summary>
    public string? FileName { get; }

    public string? Mime { get; }

    public long? Size { get; }

    public string? Sha256 { get; }

    public string? Path { get; }

    public string? MissingReason { get; }

    public override string ToString() => FileName ?? Kind;
}
