using Spectra.Telegram.Simulator.Api;
using Spectra.Telegram.Tl;

namespace Spectra.Telegram.Simulator;

/// <summary>The hook through which a simulated DC serves API methods from a fixture (see <see cref="SimulatedCluster"/>).</summary>
public sealed partial class SimulatedDc
{
    /// <summary>Serves API methods; without it every API method is answered SIMULATOR_METHOD_UNSUPPORTED.</summary>
    public IApiHandler? Api { get; set; }

    /// <summary>The DC number this server plays (given to <see cref="Api"/> with each call).</summary>
    public int DcId { get; set; } = 2;

    private sealed partial class ServerConnection
    {
        private readonly SemaphoreSlim _writeLock = new(1, 1);

        private async Task ServeApiAsync(long authKeyId, ServerKeyState state, long sessionId, long messageId, ReadOnlyMemory<byte> body, CancellationToken ct)
        {
            try
            {
                var outcome = await dc.Api!.HandleAsync(new ApiCall(dc.DcId, authKeyId, body), ct).ConfigureAwait(false);
                if (outcome.Disconnect)
                {
                    dc.Trace.Enqueue("fault: disconnect");
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
