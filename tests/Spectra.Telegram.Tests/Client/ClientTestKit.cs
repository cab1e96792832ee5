using Spectra.Telegram.Client;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Simulator;
using Spectra.Telegram.Simulator.Api;
using Spectra.Telegram.Simulator.Fixtures;

namespace Spectra.Telegram.Tests.Client;

/// <summary>A small two-DC fixture (account on DC 4 behind PHONE_MIGRATE, 2FA, a channel whose file lives on DC 2) and helpers.</summary>
internal static class ClientTestKit
{
    public const string Phone = "+15550001";
    public const string Password = "correct horse";
    private static readonly Lazy<ServerRsaKey> s_key = new(ServerRsaKey.Generate);

    public static SimFixture Fixture(int messages = 250)
    {
        var channel = new SimChannel { Id = 777, AccessHash = 4242, Username = "archive", Title = "Archive", About = "fixture channel", InviteHash = "AbCdEf123" };
        for (var id = 1; id <= messages; id++)
        {
            channel.Messages.Add(id switch
            {
                1 => new SimMessage { Id = 1, ServiceTitle = "Archive" },
                _ when id % 50 == 0 => new SimMessage { Id = id, Text = "file " + id, File = new SimFile { Id = 9000 + id, DcId = 2, Size = 300_000 + id, Seed = id } },
                _ => new SimMessage
                {
                    Id = id,
                    Date = 1_700_000_000 + id,
                    Text = "message " + id,
                    Bold = id % 7 == 0 ? [[0, 7]] : [],
                    EditDate = id % 11 == 0 ? 1_800_000_000 : null,
                    ReplyTo = id % 13 == 0 ? id - 1 : null,
                    ForwardedFrom = id % 17 == 0 ? "Elsewhere" : null,
                },
            });
        }

        // Gaps: deleted messages must not appear and ids must be matched, not positions.
        channel.Messages.RemoveAll(m => m.Id is 5 or 6 or 120);
        var forum = new SimChannel { Id = 888, Username = "forumgroup", Forum = true, Topics = [new SimTopic { Id = 2, Title = "General talk", TopMessage = 3 }, new SimTopic { Id = 10, Title = "Releases", TopMessage = 11 }] };
        forum.Messages.Add(new SimMessage { Id = 1, ServiceTitle = "Forum" });
        forum.Messages.Add(new SimMessage { Id = 2, ServiceTitle = "General talk" });
        forum.Messages.Add(new SimMessage { Id = 3, Text = "hello", TopicId = 2 });
        return new SimFixture
        {
            DcIds = [2, 4],
            Accounts =
            [
                new SimAccount { Phone = Phone, UserId = 5001, HomeDc = 4, Code = "24680", Password = Password },
                new SimAccount { Phone = "+15550002", UserId = 5002, HomeDc = 2, Code = "11111", Banned = true },
            ],
            Channels = [channel, forum],
        };
    }

    public static SimulatedCluster Start(SimFixture fixture) => SimulatedCluster.Start(fixture, s_key.Value);

    public static TelegramClientOptions Options(SimulatedCluster cluster) => new()
    {
        ApiId = 12345,
        ApiHash = "0123456789abcdef0123456789abcdef",
        InitialDc = new DcEndpoint(cluster.FirstDcId, "127.0.0.1", cluster.Dcs[cluster.FirstDcId].Port),
        ServerKeys = ServerKeyRing.Default.With(cluster.RsaKey.PublicKey),
    };

    public static async Task<TelegramClient> LoggedInAsync(SimulatedCluster cluster, TelegramClientOptions? options = null)
    {
        var client = new TelegramClient(options ?? Options(cluster));
        await client.ConnectAsync(default);
        await client.LoginAsync(Phone, _ => Task.FromResult("24680"), (_, _) => Task.FromResult(Password), default);
        return client;
    }
}
