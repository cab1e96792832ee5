using Spectra.Telegram.Crypto;
using Spectra.Telegram.Errors;
using Spectra.Telegram.Rpc;
using Spectra.Telegram.Tl;
using Spectra.Telegram.Tl.Mtproto;

namespace Spectra.Telegram.Mtproto;

/// <summary>The receive side: decrypt, check, and dispatch every service message the server may send.</summary>
public sealed partial class MtprotoSession
{
    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var packet = await _channel.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                var message = MessageCipher.Decrypt(_authKey, packet, MessageKeyDerivation.ServerToClient);
                if (message.SessionId != SessionId)
                {
                    throw new MtprotoSecurityException("The server answered for another session_id.");
                }

                if ((message.MessageId & 1) == 0)
                {
                    throw new MtprotoSecurityException("The server sent an even msg_id.");
                }

                if (!Remember(message.MessageId) || !IsFresh(message.MessageId, message.Body.Span))
                {
                    continue;
                }

                await HandleAsync(message.MessageId, message.SeqNo, message.Body, nested: false, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is TelegramException or TlException)
        {
            SetFault(ex);
        }
    }

    private async Task HandleAsync(long messageId, int seqNo, ReadOnlyMemory<byte> body, bool nested, CancellationToken cancellationToken)
    {
        if ((seqNo & 1) == 1)
        {
            QueueAck(messageId);
        }

        var reader = new TlReader(body);
        var id = reader.PeekUInt();
        switch (id)
        {
            case MsgContainer.TlConstructorId when !nested:
                reader.ReadUInt();
                foreach (var inner in MsgContainer.ReadBare(reader).Messages)
                {
                    if (Remember(inner.MsgId))
                    {
                        await HandleAsync(inner.MsgId, inner.Seqno, inner.Body, nested: true, cancellationToken).ConfigureAwait(false);
                    }
                }

                break;
            case TlConstructors.GzipPacked:
                reader.ReadUInt();
                await HandleAsync(messageId, seqNo & ~1, TlReader.Gunzip(reader.ReadBytesSpan()), nested, cancellationToken).ConfigureAwait(false);
                break;
            case RpcResult.TlConstructorId:
                reader.ReadUInt();
                CompleteRpc(RpcResult.ReadBare(reader));
                break;
            case Pong.TlConstructorId:
                var pong = Pong.ReadBoxed(reader);
                Complete(pong.MsgId, body.ToArray());
                break;
            case BadServerSalt.TlConstructorId:
                var badSalt = (BadServerSalt)BadMsgNotificationBase.ReadBoxed(reader);
                OnSaltCorrected(badSalt.NewServerSalt);
                await ResendAsync(badSalt.BadMsgId, null, cancellationToken).ConfigureAwait(false);
                break;
            case BadMsgNotification.TlConstructorId:
                var bad = (BadMsgNotification)BadMsgNotificationBase.ReadBoxed(reader);
                await HandleBadMessageAsync(messageId, bad, cancellationToken).ConfigureAwait(false);
                break;
            case NewSessionCreated.TlConstructorId:
                var created = NewSessionCreated.ReadBoxed(reader);
                Interlocked.Exchange(ref _salt, created.ServerSalt);
                break;
            case FutureSalts.TlConstructorId:
                // Sent without rpc_result; only req_msg_id is read here so a malformed list fails the request that
                // asked for it (parsed by the requester) instead of the whole session.
                if (body.Length >= 12)
                {
                    reader.ReadUInt();
                    Complete(reader.ReadLong(), body.ToArray());
                }

                break;
            case MsgsAck.TlConstructorId:
                break;
            case MsgDetailedInfo.TlConstructorId:
                QueueAck(((MsgDetailedInfo)MsgDetailedInfoBase.ReadBoxed(reader)).AnswerMsgId);
                break;
            case MsgNewDetailedInfo.TlConstructorId:
                QueueAck(((MsgNewDetailedInfo)MsgDetailedInfoBase.ReadBoxed(reader)).AnswerMsgId);
                break;
            default:
                _options.UnhandledMessage?.Invoke(body);
                break;
        }
    }

    private void CompleteRpc(RpcResult answer)
    {
        if (!_pending.TryRemove(answer.ReqMsgId, out var request))
        {
            return;
        }

        if (answer.TryReadError(out var error))
        {
            request.Completion.TrySetException(RpcException.Create(error!.ErrorCode, error.ErrorMessage));
            return;
        }

        var result = answer.Result;
        var reader = new TlReader(result);
        if (reader.Remaining >= 4 && reader.PeekUInt() == TlConstructors.GzipPacked)
        {
            reader.ReadUInt();
            result = TlReader.Gunzip(reader.ReadBytesSpan());
        }

        request.Completion.TrySetResult(result.ToArray());
    }

    private void Complete(long requestId, byte[] answer)
    {
        if (_pending.TryRemove(requestId, out var request))
        {
            request.Completion.TrySetResult(answer);
        }
    }

    private async Task HandleBadMessageAsync(long notificationId, BadMsgNotification bad, CancellationToken cancellationToken)
    {
        switch (bad.ErrorCode)
        {
            case 16 or 17:
                _ids.SynchronizeWith(notificationId);
                break;
            case 32 or 34:
                lock (_ackGate)
                {
                    _sequence += 64;
                }

                break;
            case 33 or 35:
                lock (_ackGate)
                {
                    _sequence = Math.Max(0, _sequence - 16);
                }

                break;
            case 48:
                break;
            default:
                FailMatching(bad.BadMsgId, new BadMessageException(bad.ErrorCode));
                return;
        }

        await ResendAsync(bad.BadMsgId, bad.ErrorCode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-sends every pending request that travelled as (or inside) <paramref name="badMessageId"/>.</summary>
    private async Task ResendAsync(long badMessageId, int? errorCode, CancellationToken cancellationToken)
    {
        foreach (var request in TakeMatching(badMessageId))
        {
            if (++request.Resends > _options.MaxResends)
            {
                request.Completion.TrySetException(new BadMessageException(errorCode ?? 48));
                continue;
            }

            await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private List<PendingRequest> TakeMatching(long badMessageId)
    {
        var matches = new List<PendingRequest>();
        foreach (var (id, request) in _pending)
        {
            if ((id == badMessageId || request.ContainerId == badMessageId) && _pending.TryRemove(id, out var removed))
            {
                matches.Add(removed);
            }
        }

        return matches;
    }

    private void FailMatching(long badMessageId, Exception error)
    {
        foreach (var request in TakeMatching(badMessageId))
        {
            request.Completion.TrySetException(error);
        }
    }

    /// <summary>Drops duplicates: false when this msg_id was already processed.</summary>
    private bool Remember(long messageId)
    {
        lock (_recentIds)
        {
            if (!_recentIds.Add(messageId))
            {
                return false;
            }

            _recentOrder.Enqueue(messageId);
            if (_recentOrder.Count > RecentIdsKept)
            {
                _recentIds.Remove(_recentOrder.Dequeue());
            }

            return true;
        }
    }

    /// <summary>
    /// Ignores messages far outside the (offset-corrected) clock, except the two kinds that exist to fix the clock
    /// and the salt: those must be processed even when the client's time is wrong.
    /// </summary>
    private bool IsFresh(long messageId, ReadOnlySpan<byte> body)
    {
        if (body.Length >= 4)
        {
            var id = BitConverter.ToUInt32(body);
            if (id is BadServerSalt.TlConstructorId or BadMsgNotification.TlConstructorId)
            {
                return true;
            }
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds() + _ids.TimeOffsetSeconds;
        var delta = now - (messageId >> 32);
        return delta <= s_tooOld.TotalSeconds && -delta <= s_tooNew.TotalSeconds;
    }

    private void SetFault(Exception error)
    {
        Interlocked.CompareExchange(ref _fault, error, null);
        FailAll(error is TelegramException ? error : new TransportException("The session failed: " + error.Message, error));
    }

    private void FailAll(Exception error)
    {
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var request))
            {
                request.Completion.TrySetException(error);
            }
        }
    }
}
