namespace Spectra.Telegram.Tests.Transport;

/// <summary>A test stream that reads from one buffer and records writes in another.</summary>
internal sealed class DuplexStream(byte[] incoming) : Stream
{
    private MemoryStream _in = new(incoming);

    public MemoryStream Written { get; } = new();

    /// <summary>Replaces what later reads return (a reply arriving after the writes).</summary>
    public void Feed(byte[] data) => _in = new MemoryStream(data);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => _in.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);
}
