using MimeKit;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>Finds the headers of the original message a bounce returns (message/rfc822 or text/rfc822-headers).</summary>
internal static class ReturnedMessage
{
    public static HeaderList? Headers(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
            if (part is MessagePart { Message: { } returned })
            {
                return returned.Headers;
            }

            if (part is TextPart text && text.ContentType.MediaSubtype.Contains("rfc822-headers", StringComparison.OrdinalIgnoreCase))
            {
                return ParseHeaders(text.Text);
            }
        }

        return null;
    }

    private static HeaderList? ParseHeaders(string text)
    {
        try
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.TrimStart() + "\n\n"));
            return HeaderList.Load(stream);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
