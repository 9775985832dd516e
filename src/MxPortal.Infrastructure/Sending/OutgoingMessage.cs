namespace MxPortal.Infrastructure.Sending;

/// <summary>One message for one recipient, ready to send: the envelope sender carries the VERP token.</summary>
public sealed record OutgoingMessage(long RecipientId, string Recipient, string EnvelopeFrom, MessageContent Content)
{
    /// <summary>The recipient's domain, lower-cased: the unit of MX resolution.</summary>
    public string Domain { get; } = Recipient[(Recipient.LastIndexOf('@') + 1)..].ToLowerInvariant();
}
