using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;
using Spectra.Telegram.Transport;

namespace Spectra.Telegram.Mtproto;

/// <summary>
/// One encrypted MTProto session over a frame channel: many concurrent requests multiplexed by msg_id, answers
/// correlated through rpc_result (also inside containers and gzip_packed), acks batched and piggybacked, and the
/// server's corrections applied — bad_server_salt and new_session_created update the salt (future salts are
/// fetched and switched to ahead of time, see MtprotoSession.Salts.cs), bad_msg_notification
/// 16/17 resynchronizes the clock, and the affected requests are re-sent under new msg_ids.
/// </summary>
public sealed partial class MtprotoSession : IAsyncDisposable
{
    private const int MaxAcksPerMessage = 1024;
    private const int RecentIdsKept = 512;
    private static readonly TimeSpan s_tooOld = TimeSpan.FromSeconds(300);
    private static readonly TimeSpan s_tooNew = TimeSpan.FromSeconds(30);

    private readonly IFrameChannel _channel;
    private readonly AuthKey _authKey;
    private readonly SessionOptions _options;
    private readonly TimeProvider _time;
    private readonly MessageIdGenerator _ids;
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly object _ackGate = new();
    private readonly List<long> _pendingAcks = [];
    private readonly HashSet<long> _recentIds = [];
    private readonly Queue<long> _recentOrder = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiveLoop;
    private Task? _maintenanceLoop;
    private int _sequence;
    private long _salt;
    private Exception? _fault;

    public MtprotoSession(IFrameChannel channel, AuthKey authKey, long salt, int timeOffsetSeconds, SessionOptions? options = null, TimeProvider? time = null)
    {
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _authKey = authKey ?? throw new ArgumentNullException(nameof(authKey));
        _options = options ?? new SessionOptions();
        _time = time ?? TimeProvider.System;
        _ids = new MessageIdGenerator(_time) { TimeOffsetSeconds = timeOffsetSeconds };
        _salt = salt;
        Span<byte> id = stackalloc byte[8];
        RandomNumberGenerator.Fill(id);
        SessionId = BinaryPrimitives.ReadInt64LittleEndian(id);
    }

    public long SessionId { get; }

    public long Salt => Interlocked.Read(ref _salt);

    public int TimeOffsetSeconds => _ids.TimeOffsetSeconds;

    /// <summary>Why the session stopped working, if it did (a transport, security or TL error).</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>The receive loop, for tests that need to know whether it ended and how.</summary>
    internal Task? ReceiveLoop => _receiveLoop;

    /// <summary>Number of requests sent and not yet answered (for diagnostics and tests).</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Starts the receive loop and the keep-alive/ack loop.</summary>
    public void Start()
    {
        if (_receiveLoop is not null)
        {
            throw new InvalidOperationException("The session is already started.");
        }

        _receiveLoop = Task.Run(() => ReceiveLoopAsync(_stop.Token));
        _maintenanceLoop = Task.Run(() => MaintenanceLoopAsync(_stop.Token));
    }

    /// <summary>Calls a method and reads its typed result; short flood waits are slept through, longer ones thrown.</summary>
    public async Task<T> InvokeAsync<T>(TlMethod<T> method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        var result = await InvokeRawAsync(method.ToBytes(), cancellationToken).ConfigureAwait(false);
        return method.ReadResult(new TlReader(result));
    }

    /// <summary>Sends a serialized request and returns the raw result body (already un-gzipped).</summary>
    public async Task<byte[]> InvokeRawAsync(byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await SendRequestAsync(body, contentRelated: true, cancellationToken).ConfigureAwait(false);
            }
            catch (FloodWaitException flood) when (flood.Delay <= _options.FloodSleepThreshold && attempt < 3)
            {
                await Task.Delay(flood.Delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends ping#7abe77ec and waits for the matching pong.</summary>
    public async Task<Pong> PingAsync(CancellationToken cancellationToken)
    {
        var pingId = BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
        var answer = await SendRequestAsync(new PingRequest { PingId = pingId }.ToBytes(), contentRelated: true, cancellationToken).ConfigureAwait(false);
        var pong = Pong.ReadBoxed(new TlReader(answer));
        if (pong.PingId != pingId)
        {
            throw new MtprotoSecurityException("pong carries a different ping_id.");
        }

        return pong;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        FailAll(new ObjectDisposedException(nameof(MtprotoSession)));
        foreach (var loop in new[] { _receiveLoop, _maintenanceLoop })
        {
            if (loop is not null)
            {
                try
                {
                    await loop.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task<byte[]> SendRequestAsync(byte[] body, bool contentRelated, CancellationToken cancellationToken)
    {
        if (_fault is not null)
        {
            throw new TransportException("The session's connection failed: " + _fault.Message, _fault);
        }

        var request = new PendingRequest(body, contentRelated);
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var registration = cancellationToken.Register(() =>
        {
            if (_pending.TryRemove(request.MessageId, out var removed))
            {
                removed.Completion.TrySetCanceled(cancellationToken);
            }
        });
        return await request.Completion.Task.ConfigureAwait(false);
    }

    /// <summary>Encrypts and sends one request, with any pending acks in the same container.</summary>
    private async Task SendAsync(PendingRequest? request, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var acks = TakeAcks();
            var messages = new List<(long Id, int Seq, byte[] Body)>(2);
            if (acks is not null)
            {
                messages.Add((_ids.Next(), NextSeqNo(false), new MsgsAck { MsgIds = acks }.ToBytes()));
            }

            if (request is not null)
            {
                request.MessageId = _ids.Next();
                messages.Add((request.MessageId, NextSeqNo(request.ContentRelated), request.Body));
                _pending[request.MessageId] = request;
            }

            if (messages.Count == 0)
            {
                return;
            }

            byte[] plaintext;
            if (messages.Count == 1)
            {
                var (id, seq, body) = messages[0];
                if (request is not null)
                {
                    request.ContainerId = 0;
                }

                plaintext = MessageCipher.BuildPlaintext(CurrentSalt(), SessionId, id, seq, body);
            }
            else
            {
                var containerId = _ids.Next();
                if (request is not null)
                {
                    request.ContainerId = containerId;
                }

                plaintext = MessageCipher.BuildPlaintext(CurrentSalt(), SessionId, containerId, NextSeqNo(false), BuildContainer(messages));
            }

            var packet = MessageCipher.Encrypt(_authKey, plaintext, MessageKeyDerivation.ClientToServer);
            await _channel.SendAsync(packet, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (request is not null && ex is not OperationCanceledException)
        {
            _pending.TryRemove(request.MessageId, out _);
            throw;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private int NextSeqNo(bool contentRelated)
    {
        if (!contentRelated)
        {
            return _sequence * 2;
        }

        return (_sequence++ * 2) + 1;
    }

    private static byte[] BuildContainer(List<(long Id, int Seq, byte[] Body)> messages)
    {
        var writer = new TlWriter(64 + messages.Sum(m => m.Body.Length + 16));
        writer.WriteUInt(MsgContainer.TlConstructorId);
        writer.WriteInt(messages.Count);
        foreach (var (id, seq, body) in messages)
        {
            writer.WriteLong(id);
            writer.WriteInt(seq);
            writer.WriteInt(body.Length);
            writer.WriteRaw(body);
        }

        return writer.ToArray();
    }

    private List<long>? TakeAcks()
    {
        lock (_ackGate)
        {
            if (_pendingAcks.Count == 0)
            {
                return null;
            }

            var take = Math.Min(_pendingAcks.Count, MaxAcksPerMessage);
            var acks = _pendingAcks.GetRange(0, take);
            _pendingAcks.RemoveRange(0, take);
            return acks;
        }
    }

    private void QueueAck(long messageId)
    {
        lock (_ackGate)
        {
            _pendingAcks.Add(messageId);
        }
    }

    private async Task MaintenanceLoopAsync(CancellationToken cancellationToken)
    {
        var nextPing = _time.GetUtcNow() + _options.PingInterval;
        using var timer = new PeriodicTimer(_options.AckInterval, _time);
        try
        {
            // The first future_salts fetch waits for the first tick, so the caller's first request goes out first.
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await SendAsync(null, cancellationToken).ConfigureAwait(false);
                MaybeFetchFutureSalts(cancellationToken);
                if (_options.PingInterval > TimeSpan.Zero && _time.GetUtcNow() >= nextPing)
                {
                    nextPing = _time.GetUtcNow() + _options.PingInterval;
                    _ = KeepAliveAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (TelegramException ex)
        {
            SetFault(ex);
        }
    }

    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PingTimeout);
        var delay = (int)(_options.PingInterval + _options.PingTimeout).TotalSeconds;
        var request = new PingDelayDisconnectRequest { PingId = Environment.TickCount64, DisconnectDelay = delay };
        try
        {
            await SendRequestAsync(request.ToBytes(), contentRelated: true, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            SetFault(new TransportException("No pong within the keep-alive timeout: the connection is dead."));
        }
        catch (TelegramException)
        {
            // The session already recorded the fault that ended this ping.
        }
    }
}
