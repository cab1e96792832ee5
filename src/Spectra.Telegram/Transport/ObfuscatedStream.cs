using Spectra.Telegram.Crypto;

namespace Spectra.Telegram.Transport;

/// <summary>
/// A stream that AES-CTR-encrypts what is written and decrypts what is read, for obfuscated2. The ciphers are
/// stateful: callers must not write concurrently (the connection serializes its sends).
/// </summary>
public sealed class ObfuscatedStream : Stream
{
    private readonly Stream _inner;
    private readonly AesCtr _encryptor;
    private readonly AesCtr _decryptor;
    private readonly bool _ownsInner;

    public ObfuscatedStream(Stream inner, AesCtr encryptor, AesCtr decryptor, bool ownsInner = true)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _encryptor = encryptor ?? throw new ArgumentNullException(nameof(encryptor));
        _decryptor = decryptor ?? throw new ArgumentNullException(nameof(decryptor));
        _ownsInner = ownsInner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        _decryptor.Transform(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _decryptor.Transform(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var copy = buffer.ToArray();
        _encryptor.Transform(copy);
        _inner.Write(copy);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var copy = buffer.ToArray();
        _encryptor.Transform(copy);
        return _inner.WriteAsync(copy, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _encryptor.Dispose();
            _decryptor.Dispose();
            if (_ownsInner)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
