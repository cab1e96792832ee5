namespace Spectra.Core.Storage.Model;

/// <summary>What kind of Telegram peer a row in <c>peers</c> is. Stored as lower-case text.</summary>
public enum PeerType
{
    User,
    Bot,
    Group,
    Supergroup,
    Channel,
}
