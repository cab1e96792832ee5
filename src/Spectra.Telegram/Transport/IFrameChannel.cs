namespace Spectra.Telegram.Transport;

/// <summary>A bidirectional channel of MTProto payloads (one frame each): a TCP transport, or an in-memory pipe in tests.</summary>
public interface IFrameChannel
{
    Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    Task<byte[]> ReceiveAsync(CancellationToken cancellationToken);
}
