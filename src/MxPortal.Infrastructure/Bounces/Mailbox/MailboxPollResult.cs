namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>What one poll did. <see cref="AlreadyRecorded"/> counts mails committed by an earlier run and only removed now.</summary>
public sealed record MailboxPollResult(
    MailboxPollOutcome Outcome,
    int Recorded = 0,
    int Unparsed = 0,
    int Duplicates = 0,
    int AlreadyRecorded = 0,
    string? Error = null)
{
    public override string ToString() => Outcome switch
    {
        MailboxPollOutcome.Completed => $"{Recorded} recorded, {Unparsed} unparsed, {Duplicates} duplicate, {AlreadyRecorded} already recorded",
        _ => Error is null ? Outcome.ToString() : $"{Outcome}: {Error}",
    };
}
