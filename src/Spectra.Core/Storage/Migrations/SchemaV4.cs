namespace Spectra.Core.Storage.Migrations;

/// <summary>
/// Keeps the chat type a Telegram Desktop export gave a chat (public_channel, private_supergroup, saved_messages,
/// replies, ...). The peer type alone cannot tell a public channel from a private one when the export carries no
/// username (it never does), nor Saved Messages from any other personal chat, so an archive exported back to JSON
/// named them differently from the export it was imported from. NULL for chats no export has described. Only a
/// column is added; no data is touched.
/// </summary>
internal static class SchemaV4
{
    public static Migration Migration { get; } = new(4, "the chat type of Telegram Desktop exports", Sql);

    private const string Sql = """
        ALTER TABLE peers ADD COLUMN export_type TEXT;
        """;
}
