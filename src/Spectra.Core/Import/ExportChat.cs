namespace Spectra.Core.Import;

/// <summary>
/// A chat as Telegram Desktop's export describes it. <paramref name="Id"/> is the bare peer id (no -100 prefix);
/// <paramref name="Type"/> is the export's own word (personal_chat, private_supergroup, public_channel, ...);
/// <paramref name="Left"/> is true for chats from <c>left_chats</c>. <paramref name="Ordinal"/> numbers chats in the
/// file, so errors can point at <c>chats.list[3]</c>.
/// </summary>
public sealed record ExportChat(string? Name, string? Type, long? Id, bool Left, int Ordinal, string JsonPath)
{
    /// <summary>1-based line where the chat's message list starts: where a problem with the whole chat is reported.</summary>
    public int Line { get; init; }
}
