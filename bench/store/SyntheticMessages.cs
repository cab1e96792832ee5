using Spectra.Core.Storage.Model;

namespace Spectra.Bench.Store;

/// <summary>Deterministic channel-like messages: 4-40 words from a 5,000-word vocabulary, some replies and forwards.</summary>
internal static class SyntheticMessages
{
    public static List<ArchivedMessage> Create(int count, int seed = 12345)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 5000).Select(i => Word(random, i)).ToArray();
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var messages = new List<ArchivedMessage>(count);
        var words = new List<string>(40);
        for (var i = 1; i <= count; i++)
        {
            words.Clear();
            var length = random.Next(4, 41);
            for (var w = 0; w < length; w++)
            {
                // Zipf-ish: common words much more often than rare ones, as in real text.
                var index = (int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3));
                words.Add(vocabulary[index]);
            }

            messages.Add(new ArchivedMessage(i, start.AddSeconds(i * 37L))
            {
                Text = string.Join(' ', words),
                SenderId = 1000 + random.Next(200),
                SenderName = "user" + random.Next(200),
                Views = random.Next(10_000),
                ReplyToMessageId = i > 10 && random.Next(10) == 0 ? i - random.Next(1, 10) : null,
            });
        }

        return messages;
    }

    private static string Word(Random random, int i)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzéü";
        var length = 2 + (i % 9);
        return string.Create(length, random, (span, r) =>
        {
            for (var c = 0; c < span.Length; c++)
            {
                span[c] = letters[r.Next(letters.Length)];
            }
        });
    }
}
