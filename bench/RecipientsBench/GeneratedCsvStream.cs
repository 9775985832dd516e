using System.Text;

namespace MxPortal.Bench.Recipients;

/// <summary>
/// A read-only stream that writes a recipient CSV as it is read, so the benchmark measures the reader and not a
/// file held in memory. Every 1,000th row has a bad address and every 500th a quoted field spanning two lines.
/// </summary>
internal sealed class GeneratedCsvStream(int rows) : Stream
{
    private byte[] pending = Encoding.UTF8.GetBytes("\uFEFFemail;FirstName;City;Note\r\n");
    private int offset;
    private int next;

    public long BytesProduced { get; private set; }

    public override int Read(byte[] buffer, int index, int count)
    {
        var written = 0;
        while (written < count)
        {
            if (offset == pending.Length)
            {
                if (next == rows) break;
                pending = Encoding.UTF8.GetBytes(Row(next++));
                offset = 0;
            }
            var n = Math.Min(count - written, pending.Length - offset);
            Array.Copy(pending, offset, buffer, index + written, n);
            (offset, written) = (offset + n, written + n);
        }
        BytesProduced += written;
        return written;
    }

    private static string Row(int i) => i switch
    {
        _ when i % 1000 == 999 => $"user{i}.example.com;Name{i};Lyon;\r\n",
        _ when i % 500 == 499 => $"User{i}@Domain{i % 97}.Example;\"Name; {i}\";Lyon;\"two\r\nlines\"\r\n",
        _ => $"user{i}@domain{i % 97}.example;Name{i};Lyon;\r\n",
    };

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesProduced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
