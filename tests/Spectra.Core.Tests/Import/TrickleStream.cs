namespace Spectra.Core.Tests.Import;

/// <summary>
/// A stream that hands out at most a few bytes per read, to drive the reader's refill paths at every offset;
/// seekable only when asked, as a file is and a pipe is not.
/// </summary>
internal sealed class TrickleStream(byte[] data, int chunk, bool seekable = false) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => seekable ? data.Length : throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, chunk), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!seekable || origin != SeekOrigin.Begin)
        {
            throw new NotSupportedException();
        }

        _position = (int)offset;
        return offset;
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
