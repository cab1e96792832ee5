using Spectra.Telegram.Simulator.Api;
using Spectra.Telegram.Simulator.Fixtures;
using Spectra.Telegram.Tl;

namespace Spectra.Telegram.Simulator;

/// <summary>The hook through which a simulated DC serves API methods from a fixture (see <see cref="SimulatedCluster"/>).</summary>
public sealed partial class SimulatedDc
{
    /// <summary>Serves API methods; without it every API method is answered SIMULATOR_METHOD_UNSUPPORTED.</summary>
    public IApiHandler? Api { get; set; }

    /// <summary>The DC number this server plays (given to <see cref="Api"/> with each call).</summary>
    public int DcId { get; set; } = 2;

    /// <summary>Session-level faults of the fixture (salt rotation, clock checks); null = none.</summary>
    public SimFaults? Faults { get; set; }

    private int _messagesSeen;

    private sealed partial class ServerConnection
    {
        private readonly SemaphoreSlim _writeLock = new(1, 1);

        /// <summary>The connection's socket, shut down to drop the connection at once (disconnect fault).</summary>
        public System.Net.Sockets.Socket? Socket { get; init; }

        /// <summary>
        /// Injected session faults: a message whose msg_id time is more than 30 s off this DC's clock gets
        /// bad_msg_notification 16/17 (as Telegram checks), and every Nth message finds the salt rotated (bad_server_salt).
        /// Returns the service message to send instead of serving the request, or null.
        /// </summary>
        private byte[]? SessionFault(ServerKeyState state, Spectra.Telegram.Mtproto.DecryptedMessage message)
        {
            if (dc.Faults is not { } faults)
            {
                return null;
            }

            if (faults.CheckMessageTime)
            {
                var sent = message.MessageId >> 32;
                var now = dc._time.GetUtcNow().ToUnixTimeSeconds();
                if (Math.Abs(sent - now) > 30)
                {
                    dc.Trace.Enqueue(sent < now ? "fault: bad_msg 16" : "fault: bad_msg 17");
                    return new Spectra.Telegram.Tl.Mtproto.BadMsgNotification { BadMsgId = message.MessageId, BadMsgSeqno = message.SeqNo, ErrorCode = sent < now ? 16 : 17 }.ToBytes();
                }
            }

            if (faults.RotateSaltEvery > 0 && Interlocked.Increment(ref dc._messagesSeen) % faults.RotateSaltEvery == 0)
            {
                state.Salt = BitConverter.ToInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
                dc.Trace.Enqueue("fault: salt rotated");
                return new Spectra.Telegram.Tl.Mtproto.BadServerSalt { BadMsgId = message.MessageId, BadMsgSeqno = message.SeqNo, ErrorCode = 48, NewServerSalt = state.Salt }.ToBytes();
            }

            return null;
        }

        private async Task ServeApiAsync(long authKeyId, ServerKeyState state, long sessionId, long messageId, ReadOnlyMemory<byte> body, CancellationToken ct)
        {
            try
            {
                var outcome = await dc.Api!.HandleAsync(new ApiCall(dc.DcId, authKeyId, body), ct).ConfigureAwait(false);
                if (outcome.Disconnect)
                {
                    dc.Trace.Enqueue("fault: disconnect");
                    Socket?.Shutdown(System.Net.Sockets.SocketShutdown.Both);
                    await stream.DisposeAsync().ConfigureAwait(false);
                    return;
                }

                var writer = new TlWriter();
                writer.WriteUInt(0xf35c6d01);
                writer.WriteLong(messageId);
                if (outcome.Result is { } result)
                {
                    writer.WriteRaw(result);
                }
                else
                {
                    new Spectra.Telegram.Tl.Mtproto.RpcError { ErrorCode = outcome.ErrorCode, ErrorMessage = outcome.ErrorMessage ?? "INTERNAL" }.Write(writer);
                }

                await SendAsync(state, sessionId, writer.ToArray(), true, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The connection or the server went away while the call was being served.
            }
        }
    }
}
