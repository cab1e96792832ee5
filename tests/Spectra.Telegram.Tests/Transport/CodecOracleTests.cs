using Spectra.Telegram.Transport;
using Spectra.Telegram.Tests.Oracles;
using static Spectra.Telegram.Tests.Oracles.TestData;

namespace Spectra.Telegram.Tests.Transport;

/// <summary>Each framing and obfuscated2 in both directions against Telethon's codecs and AES-CTR.</summary>
public sealed class CodecOracleTests(TelethonProcess telethon) : IClassFixture<TelethonProcess>
{
    private static readonly int[] s_lengths = [4, 40, 504, 508, 800, 65536];

    public static TheoryData<TransportKind, string> Codecs => new()
    {
        { TransportKind.Abridged, "abridged" },
        { TransportKind.Intermediate, "intermediate" },
        { TransportKind.PaddedIntermediate, "padded" },
    };

    [SkippableTheory]
    [MemberData(nameof(Codecs))]
    public async Task Frames_round_trip_with_Telethon_both_ways(TransportKind kind, string name)
    {
        Oracle.RequireTelethon();
        var codec = FrameCodec.Create(kind);
        foreach (var length in s_lengths)
        {
            var payload = Random(length);
            var ours = codec.Encode(payload);
            if (kind != TransportKind.PaddedIntermediate)
            {
                Assert.Equal(telethon.Call("codec_encode", new { codec = name, payload = Hex(payload) })["wire"]!.GetValue<string>(), Hex(ours));
            }

            var decoded = telethon.Call("codec_decode", new { codec = name, wire = Hex(ours), count = 1 })["payloads"]![0]!.GetValue<string>();
            Assert.Equal(Hex(payload), decoded);

            var theirs = Hex(telethon.Call("codec_encode", new { codec = name, payload = Hex(payload) })["wire"]!.GetValue<string>());
            Assert.Equal(payload, await codec.ReadFrameAsync(new MemoryStream(theirs), CancellationToken.None));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Codecs))]
    public async Task Obfuscated2_from_Telethons_client_is_read_by_our_server_side(TransportKind kind, string name)
    {
        Oracle.RequireTelethon();
        var payloads = s_lengths.Take(5).Select(Random).ToArray();
        var answer = telethon.Call("obf_client", new { codec = name, payloads = payloads.Select(p => Hex(p)).ToArray() });
        var (tag, _, encryptor, decryptor) = Obfuscated2.AcceptHeader(Hex(answer["header"]!.GetValue<string>()), default);
        var codec = FrameCodec.Create(kind);
        Assert.Equal(codec.ObfuscationTag, tag);
        using var stream = new ObfuscatedStream(new MemoryStream(Hex(answer["wire"]!.GetValue<string>())), encryptor, decryptor);
        foreach (var payload in payloads)
        {
            Assert.Equal(payload, await codec.ReadFrameAsync(stream, CancellationToken.None));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Codecs))]
    public async Task Obfuscated2_from_our_client_is_read_by_a_Telethon_based_server(TransportKind kind, string name)
    {
        Oracle.RequireTelethon();
        var payloads = s_lengths.Take(4).Select(Random).ToArray();
        var replies = new[] { Random(16), Random(600) };

        // First pass: capture what our client writes (header + frames).
        var capture = new DuplexStream([]);
        var options = new TransportOptions { Host = "test", Port = 1, Kind = kind, Obfuscated = true, DcId = -2 };
        var client = await TransportConnection.OpenAsync(capture, options, CancellationToken.None);
        foreach (var payload in payloads)
        {
            await client.SendAsync(payload, CancellationToken.None);
        }

        var wire = capture.Written.ToArray();
        var server = telethon.Call("obf_server", new
        {
            header = Hex(wire.AsSpan(0, 64)),
            wire = Hex(wire.AsSpan(64)),
            count = payloads.Length,
            replies = replies.Select(r => Hex(r)).ToArray(),
        });
        Assert.Equal(name, server["codec"]!.GetValue<string>());
        Assert.Equal(-2, server["dc"]!.GetValue<int>());
        Assert.Equal(payloads.Select(p => Hex(p)), server["payloads"]!.AsArray().Select(n => n!.GetValue<string>()));

        // The server's replies reach our client through the same connection and decrypt to what the server sent.
        capture.Feed(Hex(server["reply"]!.GetValue<string>()));
        foreach (var expected in replies)
        {
            Assert.Equal(expected, await client.ReceiveAsync(CancellationToken.None));
        }

        await client.DisposeAsync();
    }
}
