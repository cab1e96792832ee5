using System.Buffers.Binary;
using System.Net.Sockets;
using Spectra.Telegram.Errors;

namespace Spectra.Telegram.Transport;

/// <summary>
/// One TCP connection carrying MTProto frames: connect (directly or through SOCKS5) within a timeout, send the init
/// bytes or the obfuscated2 header, then frame payloads. Sends are serialized; a single reader calls
/// <see cref="ReceiveAsync"/>. A 4-byte frame holding a negative number is the server's transport error code.
/// </summary>
public sealed class TransportConnection : IFrameChannel, IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly FrameCodec _codec;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TcpClient? _tcp;

    private TransportConnection(Stream stream, FrameCodec codec, TcpClient? tcp)
    {
        _stream = stream;
        _codec = codec;
        _tcp = tcp;
    }

    public TransportKind Kind => _codec.Kind;

    /// <summary>Opens a TCP connection as <paramref name="options"/> say and performs the transport handshake.</summary>
    public static async Task<TransportConnection> ConnectAsync(TransportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tcp = new TcpClient { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            var (host, port) = options.Socks5 is { } socks ? (socks.Host, socks.Port) : (options.Host, options.Port);
            await tcp.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (options.Socks5 is not null)
            {
                await options.Socks5.ConnectThroughAsync(stream, options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            }

            return await OpenAsync(stream, options, tcp, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new TransportException(FormattableString.Invariant($"Connecting to {options.Host}:{options.Port} timed out after {options.ConnectTimeout.TotalSeconds:0.#} s."));
        }
        catch (SocketException ex)
        {
            tcp.Dispose();
            throw new TransportException(FormattableString.Invariant($"Connecting to {options.Host}:{options.Port} failed: {ex.SocketErrorCode}."), ex);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Runs the transport handshake over an already connected stream (tests, in-memory pipes).</summary>
    public static Task<TransportConnection> OpenAsync(Stream stream, TransportOptions options, CancellationToken cancellationToken) =>
        OpenAsync(stream, options, null, cancellationToken);

    /// <summary>Sends one payload as a frame.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var frame = _codec.Encode(payload.Span);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new TransportException("Writing to the connection failed: " + ex.Message, ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Receives one payload; transport error codes become <see cref="TransportErrorCodeException"/>.</summary>
    public async Task<byte[]> ReceiveAsync(CancellationToken cancellationToken)
    {
        var payload = await _codec.ReadFrameAsync(_stream, cancellationToken).ConfigureAwait(false);
        if (payload.Length == 4)
        {
            var code = BinaryPrimitives.ReadInt32LittleEndian(payload);
            if (code < 0)
            {
                throw new TransportErrorCodeException(code);
            }
        }

        return payload;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp?.Dispose();
        _sendLock.Dispose();
    }

    private static async Task<TransportConnection> OpenAsync(Stream stream, TransportOptions options, TcpClient? tcp, CancellationToken cancellationToken)
    {
        var kind = options.MtProxy is { RequiresPadding: true } ? TransportKind.PaddedIntermediate : options.Kind;
        var codec = FrameCodec.Create(kind, options.MaxFrameLength);
        if (options.Obfuscated || options.MtProxy is not null)
        {
            var secret = options.MtProxy is null ? ReadOnlySpan<byte>.Empty : options.MtProxy.Key.Span;
            var (header, encryptor, decryptor) = Obfuscated2.CreateClientHeader(codec.ObfuscationTag, options.DcId, secret);
            await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            stream = new ObfuscatedStream(stream, encryptor, decryptor);
        }
        else
        {
            await stream.WriteAsync(codec.InitBytes, cancellationToken).ConfigureAwait(false);
        }

        return new TransportConnection(stream, codec, tcp);
    }
}
