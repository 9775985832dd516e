namespace MxPortal.Cli.Deliveries;

/// <summary>A header line read before a stream, so a bare address list (one per line) reads as a recipient CSV.</summary>
internal sealed class HeaderedStream(byte[] header, Stream rest) : Stream
{
    private int offset;

    public override int Read(byte[] buffer, int index, int count)
    {
        if (offset >= header.Length) return rest.Read(buffer, index, count);
        var n = Math.Min(count, header.Length - offset);
        Array.Copy(header, offset, buffer, index, n);
        offset += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => header.Length + rest.Length;
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
