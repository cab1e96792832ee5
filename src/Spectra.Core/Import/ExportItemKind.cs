namespace Spectra.Core.Import;

/// <summary>What <see cref="TdesktopExportReader.Read"/> just produced.</summary>
public enum ExportItemKind
{
    /// <summary>A chat's header (name, type, id) was read and its messages follow.</summary>
    ChatStarted,

    /// <summary>One complete message object is available as raw UTF-8 JSON.</summary>
    Message,

    /// <summary>The current chat's object ended.</summary>
    ChatCompleted,
}
