using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Exchange;
using Spectra.Telegram.Mtproto;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Simulator;

/// <summary>
/// A loopback MTProto DC: detects the client's transport (abridged, intermediate, padded, obfuscated2), runs the
/// server side of the auth-key exchange with its own RSA key, and serves encrypted sessions with the service
/// behaviour real clients expect (new_session_created, bad_server_salt for a wrong salt, pong, acks). API methods
/// are not simulated yet: they get rpc_error 400 SIMULATOR_METHOD_UNSUPPORTED.
/// </summary>
public sealed partial class SimulatedDc : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, ServerKeyState> _keys = new();
    private readonly TimeProvider _time;
    private Task? _acceptLoop;

    public SimulatedDc(ServerRsaKey rsaKey, TimeProvider? time = null)
    {
        RsaKey = rsaKey ?? throw new ArgumentNullException(nameof(rsaKey));
        _time = time ?? TimeProvider.System;
    }

    public ServerRsaKey RsaKey { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>What happened, in order (transport detected, keys created, requests served), for tests.</summary>
    public ConcurrentQueue<string> Trace { get; } = new();

    public IReadOnlyCollection<long> AuthKeyIds => _keys.Keys.ToArray();

    public void Start()
    {
        _listener.Start();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var ct = _stop.Token;
        try
        {
            Stream stream = client.GetStream();
            var (codec, wrapped) = await DetectTransportAsync(stream, ct).ConfigureAwait(false);
            stream = wrapped;
            var connection = new ServerConnection(this, codec, stream) { Socket = client.Client };
            while (!ct.IsCancellationRequested)
            {
                var payload = await codec.ReadFrameAsync(stream, ct).ConfigureAwait(false);
                await connection.HandleAsync(payload, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is TelegramException or TlException or OperationCanceledException or IOException or System.Security.Cryptography.CryptographicException)
        {
            Trace.Enqueue("closed: " + ex.GetType().Name + ": " + ex.Message);
        }
    }

    private async Task<(FrameCodec Codec, Stream Stream)> DetectTransportAsync(Stream stream, CancellationToken ct)
    {
        var head = new byte[64];
        await stream.ReadExactlyAsync(head.AsMemory(0, 1), ct).ConfigureAwait(false);
        if (head[0] == 0xef)
        {
            Trace.Enqueue("transport: abridged");
            return (new AbridgedCodec(), stream);
        }

        await stream.ReadExactlyAsync(head.AsMemory(1, 3), ct).ConfigureAwait(false);
        var tag = BinaryPrimitives.ReadUInt32LittleEndian(head);
        if (tag is 0xeeeeeeee or 0xdddddddd)
        {
            Trace.Enqueue(tag == 0xeeeeeeee ? "transport: intermediate" : "transport: padded");
            return (tag == 0xeeeeeeee ? new IntermediateCodec() : new PaddedIntermediateCodec(), stream);
        }

        await stream.ReadExactlyAsync(head.AsMemory(4, 60), ct).ConfigureAwait(false);
        var (innerTag, _, encryptor, decryptor) = Obfuscated2.AcceptHeader(head, default);
        FrameCodec codec = innerTag switch
        {
            0xefefefef => new AbridgedCodec(),
            0xeeeeeeee => new IntermediateCodec(),
            _ => new PaddedIntermediateCodec(),
        };
        Trace.Enqueue("transport: obfuscated " + codec.Kind);
        return (codec, new ObfuscatedStream(stream, encryptor, decryptor, ownsInner: false));
    }

    private sealed class ServerKeyState(AuthKey key, long salt)
    {
        public AuthKey Key { get; } = key;

        public long Salt { get; set; } = salt;
    }

    /// <summary>Per-connection state: handshake, server msg_ids, sessions and their seq_nos.</summary>
    private sealed partial class ServerConnection(SimulatedDc dc, FrameCodec codec, Stream stream)
    {
        private readonly HandshakeServer _handshake = new(dc.RsaKey, dc._time);
        private readonly MessageIdGenerator _ids = new(dc._time);
        private readonly Dictionary<long, int> _sessions = [];

        public async Task HandleAsync(byte[] payload, CancellationToken ct)
        {
            if (payload.Length >= 8 && BinaryPrimitives.ReadInt64LittleEndian(payload) == 0)
            {
                var (_, body) = PlainMessage.Parse(payload);
                var response = _handshake.Handle(MtprotoSchema.ReadMethod(new TlReader(body)));
                if (_handshake.Result is { } done && response is DhGenOk)
                {
                    dc._keys[done.Key.Id] = new ServerKeyState(done.Key, done.Salt);
                    dc.Trace.Enqueue(FormattableString.Invariant($"auth key 0x{done.Key.Id:x16} ({(done.UsedRsaPad ? "RSA_PAD" : "legacy padding")})"));
                }

                await WriteAsync(PlainMessage.Build(_ids.Next() | 1, response.ToBytes()), ct).ConfigureAwait(false);
                return;
            }

            if (payload.Length < 8 || !dc._keys.TryGetValue(BinaryPrimitives.ReadInt64LittleEndian(payload), out var state))
            {
                await WriteAsync(BitConverter.GetBytes(-404), ct).ConfigureAwait(false);
                return;
            }

            var message = MessageCipher.Decrypt(state.Key, payload, MessageKeyDerivation.ClientToServer);
            if (!_sessions.ContainsKey(message.SessionId))
            {
                _sessions[message.SessionId] = 0;
                await SendAsync(state, message.SessionId, new NewSessionCreated { FirstMsgId = message.MessageId, UniqueId = Environment.TickCount64, ServerSalt = dc.ActiveSalt(state) }.ToBytes(), false, ct).ConfigureAwait(false);
            }

            if (!dc.AcceptsSalt(state, message.Salt))
            {
                dc.Trace.Enqueue("bad_server_salt");
                await SendAsync(state, message.SessionId, new BadServerSalt { BadMsgId = message.MessageId, BadMsgSeqno = message.SeqNo, ErrorCode = 48, NewServerSalt = dc.ActiveSalt(state) }.ToBytes(), false, ct).ConfigureAwait(false);
                return;
            }

            if (SessionFault(state, message) is { } fault)
            {
                await SendAsync(state, message.SessionId, fault, false, ct).ConfigureAwait(false);
                return;
            }

            await DispatchAsync(state, message.SessionId, message.MessageId, message.Body, ct).ConfigureAwait(false);
        }

        private async Task DispatchAsync(ServerKeyState state, long sessionId, long messageId, ReadOnlyMemory<byte> body, CancellationToken ct)
        {
            var reader = new TlReader(body);
            if (reader.PeekUInt() == 0x73f1f8dc)
            {
                reader.ReadUInt();
                var count = reader.ReadCount();
                for (var i = 0; i < count; i++)
                {
                    var id = reader.ReadLong();
                    reader.ReadInt();
                    var length = reader.ReadInt();
                    var inner = body.Slice(reader.Position, length);
                    reader.ReadRawSpan(length);
                    await DispatchAsync(state, sessionId, id, inner, ct).ConfigureAwait(false);
                }

                return;
            }

            var id0 = reader.PeekUInt();
            if (id0 == MsgsAck.TlConstructorId)
            {
                dc.Trace.Enqueue("msgs_ack");
                return;
            }

            TlMethod? method = null;
            try
            {
                method = MtprotoSchema.ReadMethod(reader);
            }
            catch (UnknownConstructorException)
            {
            }

            switch (method)
            {
                case PingRequest ping:
                    dc.Trace.Enqueue("ping");
                    await SendAsync(state, sessionId, new Pong { MsgId = messageId, PingId = ping.PingId }.ToBytes(), true, ct).ConfigureAwait(false);
                    break;
                case PingDelayDisconnectRequest ping:
                    dc.Trace.Enqueue("ping_delay_disconnect");
                    await SendAsync(state, sessionId, new Pong { MsgId = messageId, PingId = ping.PingId }.ToBytes(), true, ct).ConfigureAwait(false);
                    break;
                case GetFutureSaltsRequest request:
                    dc.Trace.Enqueue("get_future_salts");
                    await SendAsync(state, sessionId, dc.FutureSaltsAnswer(state, messageId, request.Num), true, ct).ConfigureAwait(false);
                    break;
                case null when dc.Api is not null:
                    // API calls are served concurrently (like a real DC) so added latency overlaps between requests.
                    _ = ServeApiAsync(state.Key.Id, state, sessionId, messageId, body, ct);
                    break;
                default:
                    dc.Trace.Enqueue(FormattableString.Invariant($"unsupported 0x{id0:x8}"));
                    var writer = new TlWriter();
                    writer.WriteUInt(0xf35c6d01);
                    writer.WriteLong(messageId);
                    new RpcError { ErrorCode = 400, ErrorMessage = "SIMULATOR_METHOD_UNSUPPORTED" }.Write(writer);
                    await SendAsync(state, sessionId, writer.ToArray(), true, ct).ConfigureAwait(false);
                    break;
            }
        }

        private async Task SendAsync(ServerKeyState state, long sessionId, byte[] body, bool contentRelated, CancellationToken ct)
        {
            int seq;
            lock (_sessions)
            {
                seq = _sessions[sessionId];
                if (contentRelated)
                {
                    _sessions[sessionId] = seq + 1;
                }
            }

            var plain = MessageCipher.BuildPlaintext(state.Salt, sessionId, _ids.Next() | (contentRelated ? 1L : 3L), (seq * 2) + (contentRelated ? 1 : 0), body);
            await WriteAsync(MessageCipher.Encrypt(state.Key, plain, MessageKeyDerivation.ServerToClient), ct).ConfigureAwait(false);
        }

        private async Task WriteAsync(byte[] payload, CancellationToken ct)
        {
            await _writeLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await stream.WriteAsync(codec.Encode(payload), ct).ConfigureAwait(false);
                await stream.FlushAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }
    }
}
