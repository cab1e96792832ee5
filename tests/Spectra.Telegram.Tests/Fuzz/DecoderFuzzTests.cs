using System.Buffers.Binary;
using System.IO.Compression;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Exchange;
using Spectra.Telegram.Mtproto;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Tests.Fuzz;

/// <summary>
/// Random and mutated input into every decoder below the API: transports, the packet cipher, the handshake parser
/// and the session's dispatcher. Only the library's typed exceptions may come out; nothing may hang; frame caps hold.
/// </summary>
public sealed class DecoderFuzzTests
{
    private static readonly AuthKey s_key = new(Oracles.TestData.Random(256));

    [Fact]
    public async Task Transports_yield_frames_or_transport_errors_only()
    {
        var random = new Random(1234);
        foreach (var kind in Enum.GetValues<TransportKind>())
        {
            var codec = FrameCodec.Create(kind, maxFrameLength: 64 * 1024);
            for (var i = 0; i < 2000; i++)
            {
                var input = new byte[random.Next(0, 64)];
                random.NextBytes(input);
                try
                {
                    var frame = await codec.ReadFrameAsync(new MemoryStream(input), default);
                    Assert.True(frame.Length <= input.Length, "a frame can never be longer than the bytes that arrived");
                }
                catch (TransportException)
                {
                }
            }
        }
    }

    [Fact]
    public void Packet_cipher_rejects_random_and_mutated_packets_with_security_errors_only()
    {
        var random = new Random(99);
        var valid = MessageCipher.Encrypt(s_key, MessageCipher.BuildPlaintext(1, 2, 5, 1, new byte[64]), MessageKeyDerivation.ServerToClient);
        for (var i = 0; i < 3000; i++)
        {
            byte[] packet;
            if (i % 2 == 0)
            {
                packet = new byte[random.Next(0, 200)];
                random.NextBytes(packet);
                if (packet.Length >= 8 && i % 4 == 0)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(packet, s_key.Id);
                }
            }
            else
            {
                packet = (byte[])valid.Clone();
                packet[random.Next(packet.Length)] ^= (byte)random.Next(1, 256);
                if (i % 3 == 0)
                {
                    packet = packet[..random.Next(packet.Length)];
                }
            }

            Assert.Throws<MtprotoSecurityException>(() => MessageCipher.Decrypt(s_key, packet, MessageKeyDerivation.ServerToClient));
        }
    }

    [Fact]
    public void Handshake_messages_parse_or_fail_with_typed_errors()
    {
        var random = new Random(7);
        var valid = PlainMessage.Build(5, new ResPQ { Nonce = new byte[16], ServerNonce = new byte[16], Pq = [1, 2, 3, 4, 5, 6, 7, 8], ServerPublicKeyFingerprints = [1, 2] }.ToBytes());
        for (var i = 0; i < 3000; i++)
        {
            var packet = (byte[])valid.Clone();
            for (var m = 0; m < 1 + (i % 4); m++)
            {
                packet[random.Next(packet.Length)] = (byte)random.Next(256);
            }

            if (i % 5 == 0)
            {
                packet = packet[..random.Next(packet.Length)];
            }

            try
            {
                var (_, body) = PlainMessage.Parse(packet);
                MtprotoSchema.ReadObject(new TlReader(body));
            }
            catch (Exception ex) when (ex is AuthKeyExchangeException or TlException)
            {
            }
        }
    }

    [Fact]
    public async Task Session_dispatcher_survives_or_faults_typed_on_mutated_service_messages()
    {
        var random = new Random(2024);
        var seeds = ServiceMessageSeeds();
        for (var i = 0; i < 400; i++)
        {
            var body = (byte[])seeds[i % seeds.Length].Clone();
            for (var m = 0; m < 1 + (i % 3); m++)
            {
                body[random.Next(body.Length)] = (byte)random.Next(256);
            }

            if (i % 7 == 0)
            {
                body = body[..Math.Max(4, random.Next(body.Length))];
                body = body[..(body.Length & ~3)];
            }

            await RunSessionOn(body);
        }

        foreach (var seed in seeds)
        {
            await RunSessionOn(seed);
        }
    }

    private static async Task RunSessionOn(byte[] body)
    {
        var sessionId = 0L;
        var channel = new DeferredChannel(() => MessageCipher.Encrypt(
            s_key,
            MessageCipher.BuildPlaintext(0, sessionId, (DateTimeOffset.UtcNow.ToUnixTimeSeconds() << 32) | 1, 1, body),
            MessageKeyDerivation.ServerToClient));
        await using var session = new MtprotoSession(channel, s_key, 0, 0, new SessionOptions { PingInterval = TimeSpan.Zero });
        sessionId = session.SessionId;
        session.Start();
        var finished = await Task.WhenAny(channel.Drained.Task, session.ReceiveLoop!, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(finished != null && (finished == channel.Drained.Task || finished == session.ReceiveLoop), "the dispatcher hung");
        if (finished == session.ReceiveLoop)
        {
            Assert.False(session.ReceiveLoop!.IsFaulted, "an untyped exception escaped: " + session.ReceiveLoop.Exception);
            Assert.True(session.Fault is TelegramException or TlException, "fault was " + session.Fault?.GetType().Name);
        }
    }

    private static byte[][] ServiceMessageSeeds()
    {
        var rpcError = new RpcError { ErrorCode = 420, ErrorMessage = "FLOOD_WAIT_3" }.ToBytes();
        var rpcResult = Concat(U32(0xf35c6d01), I64(4), rpcError);
        var pong = new Pong { MsgId = 4, PingId = 9 }.ToBytes();
        var container = Concat(U32(0x73f1f8dc), I32(2), I64(9), I32(1), I32(rpcResult.Length), rpcResult, I64(13), I32(2), I32(pong.Length), pong);
        return
        [
            rpcResult,
            container,
            pong,
            new BadServerSalt { BadMsgId = 4, BadMsgSeqno = 1, ErrorCode = 48, NewServerSalt = 5 }.ToBytes(),
            new BadMsgNotification { BadMsgId = 4, BadMsgSeqno = 1, ErrorCode = 16 }.ToBytes(),
            new NewSessionCreated { FirstMsgId = 4, UniqueId = 1, ServerSalt = 2 }.ToBytes(),
            new MsgsAck { MsgIds = [1, 2, 3] }.ToBytes(),
            new FutureSalts { ReqMsgId = 4, Now = 1, Salts = [new FutureSalt { ValidSince = 1, ValidUntil = 2, Salt = 3 }] }.ToBytes(),
            new MsgDetailedInfo { MsgId = 4, AnswerMsgId = 5, Bytes = 4, Status = 0 }.ToBytes(),
            Concat(U32(0x3072cfa1), TlBytes(Gzip(container))),
        ];
    }

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] TlBytes(byte[] data)
    {
        var w = new TlWriter();
        w.WriteBytes(data);
        return w.ToArray();
    }

    private static byte[] U32(uint v) => BitConverter.GetBytes(v);

    private static byte[] I32(int v) => BitConverter.GetBytes(v);

    private static byte[] I64(long v) => BitConverter.GetBytes(v);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Builds its one packet when first asked (the session id is only known after construction).</summary>
    private sealed class DeferredChannel(Func<byte[]> build) : IFrameChannel
    {
        private bool _given;

        public TaskCompletionSource Drained { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<byte[]> ReceiveAsync(CancellationToken cancellationToken)
        {
            if (!_given)
            {
                _given = true;
                return build();
            }

            Drained.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
