using MailKit.Net.Smtp;
using MimeKit;

namespace MxPortal.Infrastructure.Sending.MailKitTransport;

/// <summary>
/// MailKit's <see cref="SmtpClient"/> for pre-encoded messages: the SIZE parameter is the known length (MailKit would
/// otherwise serialize the message once to measure it, then again for DATA) and there is nothing to prepare.
/// </summary>
internal sealed class BulkSmtpClient(StageTracker stage) : SmtpClient(stage)
{
    public StageTracker Stage { get; } = stage;

    // Note: the dot-stuffed length, at most a few bytes over the exact size: SIZE is the client's estimate (RFC 1870).
    protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken = default) =>
        message.Body is PreEncodedBody m ? m.Length : base.GetSize(options, message, cancellationToken);

    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken = default) =>
        message.Body is PreEncodedBody m ? Task.FromResult((long)m.Length) : base.GetSizeAsync(options, message, cancellationToken);

    protected override void Prepare(FormatOptions options, MimeMessage message, EncodingConstraint constraint, int maxLineLength)
    {
        if (message.Body is not PreEncodedBody) base.Prepare(options, message, constraint, maxLineLength);
    }
}
