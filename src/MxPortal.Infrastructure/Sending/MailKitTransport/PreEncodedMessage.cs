using MimeKit;

namespace MxPortal.Infrastructure.Sending.MailKitTransport;

/// <summary>
/// A <see cref="MimeMessage"/> over the bytes of a <see cref="MessageContent"/>, one per connection and reloaded for
/// each message: nothing is built, prepared or serialized per recipient. MimeKit writes a message as its headers, a
/// blank line and the body's content, so the message has no headers of its own, the whole pre-encoded header block
/// goes out as the raw value of one header of the body (named after the first field, so the bytes on the wire are the
/// block as is) and the body is copied, dot-unstuffed because MailKit's DATA filter stuffs it again.
/// </summary>
internal static class PreEncodedMessage
{
    private static readonly byte[] Empty = "X-Empty: 1\r\n\r\n"u8.ToArray();

    // Note: parsed, not constructed: a parsed message is written as is (loose compliance), while a constructed one
    // gets a MIME-Version header added in front of its body's headers.
    public static MimeMessage Create(PreEncodedBody body)
    {
        var message = MimeMessage.Load(new MemoryStream(Empty, writable: false));
        message.Headers.Clear();
        message.Body = body;
        return message;
    }
}

/// <summary>The loaded message as MimeKit sees it: one raw header holding the header block, and the body bytes.</summary>
internal sealed class PreEncodedBody : MimeEntity
{
    private ReadOnlyMemory<byte> _body;

    public PreEncodedBody() : base("application", "octet-stream") => Headers.Clear();

    public int Length { get; private set; }

    public void Load(MessageContent content)
    {
        var (header, body) = Split(content);
        Headers.Clear();
        Headers.Add(header);
        _body = body;
        Length = content.Length;
    }

    private static (Header Header, ReadOnlyMemory<byte> Body) Split(MessageContent content)
    {
        var shared = content.Shared;
        int headerEnd, bodyStart;
        if (!content.Head.IsEmpty && shared.Span.StartsWith("\r\n"u8)) (headerEnd, bodyStart) = (0, 2);
        else
        {
            var blank = shared.Span.IndexOf("\r\n\r\n"u8);
            (headerEnd, bodyStart) = blank < 0 ? (shared.Length, shared.Length) : (blank + 2, blank + 4);
        }
        var block = new byte[content.Head.Length + headerEnd];
        content.Head.Span.CopyTo(block);
        shared.Span[..headerEnd].CopyTo(block.AsSpan(content.Head.Length));
        var colon = Array.IndexOf(block, (byte)':');
        if (colon <= 0) throw new InvalidOperationException("pre-encoded message without a header field");
        var header = new Header(System.Text.Encoding.ASCII.GetString(block, 0, colon), string.Empty);
        header.SetRawValue(block[(colon + 1)..]);
        return (header, shared[bodyStart..]);
    }

    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
    {
    }

    // Note: MailKit sends through the async path; the synchronous one (never used by the engine) waits for it.
    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default) =>
        WriteToAsync(options, stream, contentOnly, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Writes the body without the dot that stuffing added at each line start (MailKit stuffs it again).</summary>
    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        var text = _body;
        if (text.IsEmpty) return;
        var start = text.Span[0] == (byte)'.' ? 1 : 0;
        while (true)
        {
            var found = text.Span[start..].IndexOf("\n."u8);
            if (found < 0) break;
            var dot = start + found + 1;
            await stream.WriteAsync(text[start..dot], cancellationToken);
            start = dot + 1;
        }
        await stream.WriteAsync(text[start..], cancellationToken);
    }
}
