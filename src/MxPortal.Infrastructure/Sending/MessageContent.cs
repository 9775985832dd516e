using MimeKit;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// A message ready for the DATA phase: CRLF line ends, dot-stuffed, ending with CRLF (the terminating <c>.</c> line is
/// the connection's). <see cref="Head"/> holds what differs per recipient (To, Message-ID, the correlation header);
/// <see cref="Shared"/> the rest of the headers and the body, serialized once per delivery and shared by every
/// recipient whose message is not personalized. So sending a message is two copies, not a MIME serialization.
/// </summary>
public sealed class MessageContent(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> shared)
{
    public ReadOnlyMemory<byte> Head { get; } = head;
    public ReadOnlyMemory<byte> Shared { get; } = shared;
    public int Length => Head.Length + Shared.Length;

    /// <summary>Serializes a MimeKit message (CRLF, dot-stuffed): the slow path, for personalized messages and tests.</summary>
    public static MessageContent From(MimeMessage message) => new(ReadOnlyMemory<byte>.Empty, Serialize(message));

    internal static byte[] Serialize(MimeMessage message)
    {
        using var raw = new MemoryStream();
        message.WriteTo(Format, raw);
        return DotStuffing.Apply(raw.GetBuffer().AsSpan(0, (int)raw.Length));
    }

    internal static readonly FormatOptions Format = CreateFormat();

    private static FormatOptions CreateFormat()
    {
        var f = FormatOptions.Default.Clone();
        f.NewLineFormat = NewLineFormat.Dos;
        f.HiddenHeaders.Add(HeaderId.Bcc);
        f.HiddenHeaders.Add(HeaderId.ResentBcc);
        return f;
    }
}

/// <summary>RFC 5321 §4.5.2 transparency: a line that starts with a dot gets a second one; bare LFs become CRLF.</summary>
internal static class DotStuffing
{
    public static byte[] Apply(ReadOnlySpan<byte> text)
    {
        var output = new MemoryStream(text.Length + 64);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (lineStart && b == (byte)'.') output.WriteByte((byte)'.');
            if (b == (byte)'\n' && (i == 0 || text[i - 1] != (byte)'\r')) output.WriteByte((byte)'\r');
            output.WriteByte(b);
            lineStart = b == (byte)'\n';
        }
        if (!lineStart) output.Write("\r\n"u8);
        return output.ToArray();
    }
}
