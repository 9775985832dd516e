namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>What became of one mail taken from a bounce mailbox. Stored as text.</summary>
public enum ProcessedMailOutcome
{
    /// <summary>Parsed; its bounce events were written.</summary>
    Recorded,

    /// <summary>Not readable as a bounce; kept raw in the unparsed list.</summary>
    Unparsed,

    /// <summary>Same Message-ID as a mail already processed from this mailbox (e.g. after a UIDVALIDITY change).</summary>
    Duplicate,
}
