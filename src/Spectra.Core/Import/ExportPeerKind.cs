namespace Spectra.Core.Import;

/// <summary>The three peer namespaces of Telegram ids, as the export's <c>user</c>/<c>chat</c>/<c>channel</c> prefixes name them.</summary>
public enum ExportPeerKind
{
    User,
    Chat,
    Channel,
}
