using Spectra.Telegram.Tests.Oracles;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Api;
using JsonObject = System.Text.Json.Nodes.JsonObject;
using Spectra.Telegram.Tl.Mtproto;

namespace Spectra.Telegram.Tests.Tl;

/// <summary>
/// Randomized objects across the whole schema: GramJS builds a random instance of every constructor and method it
/// knows (nested objects, optional fields, long/short byte strings, unicode), serializes it; our generated
/// readers must consume exactly those bytes and our writers must reproduce them byte for byte.
/// </summary>
public sealed class GramJsRandomObjectTests : IClassFixture<GramJsTlOracle>
{
    // GramJS keeps these two declarations out of its object table (its CORE_TYPES), so it cannot produce them.
    private static readonly uint[] s_notInGramJs = { 0xc4b9f9bb /* error */, 0x56730bcc /* null */ };

    private readonly GramJsTlOracle _oracle;

    public GramJsRandomObjectTests(GramJsTlOracle oracle) => _oracle = oracle;

    [SkippableTheory]
    [InlineData(1, 3)]
    [InlineData(2, 4)]
    [InlineData(3, 5)]
    public void EveryApiConstructor_RoundTripsGramJsBytes(int seed, int depth)
    {
        var items = Random(seed, "constructors", depth);
        var failures = RoundTrip(items, static r => ApiSchema.ReadObject(r));
        Assert.True(failures.Count == 0, Describe(failures, items.Count));

        var expected = ApiSchema.ConstructorIds.Except(s_notInGramJs).ToHashSet();
        var covered = items.Select(i => i.Id).ToHashSet();
        Assert.Empty(expected.Except(covered).Select(id => ApiSchema.NameOf(id)));
        Assert.Equal(ApiSchema.ConstructorCount - s_notInGramJs.Length, covered.Count);
    }

    [SkippableTheory]
    [InlineData(11, 3)]
    [InlineData(12, 4)]
    public void EveryApiMethod_RoundTripsGramJsBytes(int seed, int depth)
    {
        var items = Random(seed, "methods", depth);
        var failures = RoundTrip(items, static r => ApiSchema.ReadMethod(r));
        Assert.True(failures.Count == 0, Describe(failures, items.Count));
        Assert.Equal(ApiSchema.MethodIds.ToHashSet(), items.Select(i => i.Id).ToHashSet());
    }

    [SkippableTheory]
    [InlineData(21)]
    [InlineData(22)]
    public void EveryMtprotoDeclaration_RoundTripsGramJsBytes(int seed)
    {
        // future_salts is left out here: GramJS writes its bare vector<future_salt> entries boxed (with the
        // future_salt id), which is not the wire format; TlMtprotoLayoutTests checks it against the spec instead.
        var items = Random(seed, "mtproto", 3).Where(i => i.Id != FutureSalts.TlConstructorId).ToList();
        var failures = new List<string>();
        failures.AddRange(RoundTrip(items.Where(i => !i.Method).ToList(), static r => MtprotoSchema.ReadObject(r)));
        failures.AddRange(RoundTrip(items.Where(i => i.Method).ToList(), static r => MtprotoSchema.ReadMethod(r)));
        Assert.True(failures.Count == 0, Describe(failures, items.Count));
        var ours = MtprotoSchema.ConstructorIds.Concat(MtprotoSchema.MethodIds).Where(id => id != FutureSalts.TlConstructorId).ToHashSet();
        Assert.Equal(ours, items.Select(i => i.Id).ToHashSet());
    }

    [SkippableTheory]
    [InlineData(31, "Spectra.Telegram.Tl.Api")]
    [InlineData(32, "Spectra.Telegram.Tl.Api")]
    [InlineData(33, "Spectra.Telegram.Tl.Mtproto")]
    public void OurRandomObjects_AreReadAndRewrittenIdenticallyByGramJs(int seed, string ns)
    {
        // The other direction: random instances of our classes, serialized by us, parsed by GramJS.
        var random = new RandomTlObjects(seed, maxDepth: 4);
        var objects = RandomTlObjects.ConstructorClasses(ns)
            .Where(t => !s_notInGramJs.Contains(IdOf(t)))
            .Where(t => ns.EndsWith("Api", StringComparison.Ordinal) || MtprotoSchema.NameOf(IdOf(t)) is not null) // not the hand-parsed framing
            .Where(t => t != typeof(FutureSalts)) // GramJS reads its bare vector boxed (see above)
            .Where(t => t != typeof(MsgsAllInfo) && t != typeof(MsgsStateInfo)) // GramJS decodes their binary info as UTF-8
            .Select(t => random.CreateSerializable(t)).ToList();

        // GramJS's patched Message class treats a negative peer id in a message's sender/peer as a "marked" id and
        // strips the sign when it re-serializes what it parsed; Telegram's peer ids are positive, so keep them so.
        foreach (var obj in objects)
        {
            RandomTlObjects.Visit(obj, static o =>
            {
                switch (o)
                {
                    case Spectra.Telegram.Tl.Api.PeerChat chat:
                        chat.ChatId &= long.MaxValue;
                        break;
                    case Spectra.Telegram.Tl.Api.PeerChannel channel:
                        channel.ChannelId &= long.MaxValue;
                        break;
                    case Spectra.Telegram.Tl.Api.PeerUser user:
                        user.UserId &= long.MaxValue;
                        break;
                }
            });
        }

        var ours = objects.Select(o => o.ToBytes()).ToList();
        var answer = _oracle.Ask(new JsonObject { ["op"] = "parseMany", ["hexes"] = new System.Text.Json.Nodes.JsonArray(ours.Select(b => (System.Text.Json.Nodes.JsonNode?)Convert.ToHexString(b)).ToArray()) });
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        var failures = new List<string>();
        for (var i = 0; i < objects.Count; i++)
        {
            var name = objects[i].GetType().Name;
            if (results[i].TryGetProperty("error", out var error))
            {
                failures.Add($"{name}: GramJS could not read our bytes: {error.GetString()} ({Convert.ToHexString(ours[i])})");
            }
            else if (!Convert.FromHexString(results[i].GetProperty("hex").GetString()!).AsSpan().SequenceEqual(ours[i]))
            {
                failures.Add($"{name}: GramJS re-serialized differently\n  ours   {Convert.ToHexString(ours[i])}\n  gramjs {results[i].GetProperty("hex").GetString()}");
            }
        }

        Assert.True(failures.Count == 0, Describe(failures, objects.Count));
    }

    private static uint IdOf(Type t) => (uint)t.GetField("TlConstructorId")!.GetValue(null)!;

    private List<Item> Random(int seed, string kind, int depth)
    {
        var answer = _oracle.Ask(new JsonObject { ["op"] = "random", ["seed"] = seed, ["kind"] = kind, ["depth"] = depth });
        return answer.GetProperty("items").EnumerateArray().Select(e => new Item(
            e.GetProperty("name").GetString()!,
            e.GetProperty("id").GetUInt32(),
            e.GetProperty("method").GetBoolean(),
            Convert.FromHexString(e.GetProperty("hex").GetString()!))).ToList();
    }

    private static List<string> RoundTrip(List<Item> items, Func<TlReader, TlObject> read)
    {
        var failures = new List<string>();
        foreach (var item in items)
        {
            try
            {
                var reader = new TlReader(item.Bytes);
                var obj = read(reader);
                if (reader.Remaining != 0)
                {
                    failures.Add($"{item.Name}: {reader.Remaining} bytes left unread");
                    continue;
                }

                if (obj.ConstructorId != item.Id)
                {
                    failures.Add($"{item.Name}: read as 0x{obj.ConstructorId:x8}");
                    continue;
                }

                var again = obj.ToBytes();
                if (!again.AsSpan().SequenceEqual(item.Bytes))
                {
                    failures.Add($"{item.Name}: re-serialized bytes differ\n  gramjs {Convert.ToHexString(item.Bytes)}\n  ours   {Convert.ToHexString(again)}");
                }
            }
            catch (TlException ex)
            {
                failures.Add($"{item.Name}: {ex.Message} ({Convert.ToHexString(item.Bytes)})");
            }
        }

        return failures;
    }

    private static string Describe(List<string> failures, int total) =>
        $"{failures.Count} of {total} objects failed:\n" + string.Join("\n", failures.Take(15));

    private sealed record Item(string Name, uint Id, bool Method, byte[] Bytes);
}
