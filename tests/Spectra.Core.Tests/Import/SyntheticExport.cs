using System.Globalization;
using System.Text;

namespace Spectra.Core.Tests.Import;

/// <summary>Writes a single-chat export with <c>count</c> varied messages (text, arrays, service, edits) into a folder.</summary>
internal static class SyntheticExport
{
    public static string Write(string folder, int count, long chatId = 4242, string type = "public_channel")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "result.json");
        using var output = new StreamWriter(path, false, new UTF8Encoding(false));
        output.Write(FormattableString.Invariant($"{{\n \"name\": \"Synthetic {chatId}\",\n \"type\": \"{type}\",\n \"id\": {chatId},\n \"messages\": [\n"));
        for (var i = 1; i <= count; i++)
        {
            var unix = (1_700_000_000L + i * 37).ToString(CultureInfo.InvariantCulture);
            var body = (i % 10) switch
            {
                0 => "\"type\": \"service\", \"actor\": \"Admin\", \"actor_id\": \"user7\", \"action\": \"pin_message\", \"message_id\": 1, \"text\": \"\", \"text_entities\": []",
                3 => FormattableString.Invariant($"\"type\": \"message\", \"from\": \"User {i % 13}\", \"from_id\": \"user{i % 13}\", \"text\": [\"part {i} \", {{\"type\": \"bold\", \"text\": \"bold\"}}], \"text_entities\": [{{\"type\": \"plain\", \"text\": \"part {i} \"}}, {{\"type\": \"bold\", \"text\": \"bold\"}}]"),
                7 => FormattableString.Invariant($"\"type\": \"message\", \"from\": \"User {i % 13}\", \"from_id\": \"user{i % 13}\", \"edited\": \"2024-01-01T00:00:00\", \"edited_unixtime\": \"1704067200\", \"reply_to_message_id\": {Math.Max(1, i - 1)}, \"text\": \"edited {i}\", \"text_entities\": [{{\"type\": \"plain\", \"text\": \"edited {i}\"}}]"),
                _ => FormattableString.Invariant($"\"type\": \"message\", \"from\": \"User {i % 13}\", \"from_id\": \"user{i % 13}\", \"text\": \"message number {i} about topic{i % 50}\", \"text_entities\": [{{\"type\": \"plain\", \"text\": \"message number {i} about topic{i % 50}\"}}]"),
            };
            output.Write(FormattableString.Invariant($"  {{\n   \"id\": {i},\n   \"date\": \"2023-11-14T00:00:00\",\n   \"date_unixtime\": \"{unix}\",\n   {body}\n  }}{(i < count ? "," : string.Empty)}\n"));
        }

        output.Write(" ]\n}\n");
        return path;
    }
}
