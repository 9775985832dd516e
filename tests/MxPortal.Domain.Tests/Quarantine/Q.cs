using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Domain.Tests.Quarantine;

/// <summary>Short builders for the transition tables, with real reply lines as error texts.</summary>
internal static class Q
{
    public const QuarantineOutcome Changed = QuarantineOutcome.StatusChanged;
    public const QuarantineOutcome Recorded = QuarantineOutcome.Recorded;
    public const QuarantineOutcome None = QuarantineOutcome.NoChange;
    public const QuarantineOutcome Duplicate = QuarantineOutcome.Duplicate;
    public const QuarantineOutcome Rejected = QuarantineOutcome.Rejected;

    public static readonly QuarantineEvent? CleanUp = null;

    public static QuarantineEvent Hard(string id, FailureReason reason = FailureReason.UserUnknown) =>
        QuarantineEvent.Error(id, FailureType.Hard, reason, "550 5.1.1 <someone@example.org>: User is unknown {mx003}", 7);

    public static QuarantineEvent Soft(string id, FailureReason reason = FailureReason.MailboxFull) =>
        QuarantineEvent.Error(id, FailureType.Soft, reason, reason switch
        {
            FailureReason.Unreachable => "451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation.",
            FailureReason.InactiveUser => "550 5.2.1 The email account that you tried to reach is disabled.",
            FailureReason.Refused => "554 5.7.9 Message not accepted for policy reasons.",
            FailureReason.ErrorIgnored => "Automatic reply: out of office",
            _ => "552 5.2.2 Over quota",
        }, 8);

    public static QuarantineEvent Refused(string id) => Soft(id, FailureReason.Refused);

    public static QuarantineEvent AutoReply(string id) =>
        QuarantineEvent.Error(id, FailureType.Ignored, FailureReason.ErrorIgnored, "Automatic reply: out of office", 9);

    public static QuarantineEvent Complaint(string id) => QuarantineEvent.Complaint(id, "Feedback-Type: abuse", 10);

    public static QuarantineEvent Delivered(string id) => QuarantineEvent.Delivered(id, 11);

    public static QuarantineEvent Release(string reason = "Customer confirmed the mailbox works", string actor = "alice", string? id = null) =>
        QuarantineEvent.Release(actor, reason, id);

    public static (TimeSpan, QuarantineEvent?, QuarantineOutcome) Now(QuarantineEvent? evt, QuarantineOutcome outcome) => (TimeSpan.Zero, evt, outcome);

    public static (TimeSpan, QuarantineEvent?, QuarantineOutcome) Hours(double hours, QuarantineEvent? evt, QuarantineOutcome outcome) =>
        (TimeSpan.FromHours(hours), evt, outcome);

    public static (TimeSpan, QuarantineEvent?, QuarantineOutcome) Days(double days, QuarantineEvent? evt, QuarantineOutcome outcome) =>
        (TimeSpan.FromDays(days), evt, outcome);

    /// <summary>The same step <paramref name="times"/> times, with ids prefix-1, prefix-2, ….</summary>
    public static IEnumerable<(TimeSpan, QuarantineEvent?, QuarantineOutcome)> Repeat(
        int times, double days, Func<string, QuarantineEvent> evt, string prefix, QuarantineOutcome outcome) =>
        Enumerable.Range(1, times).Select(i => Days(days, evt($"{prefix}-{i}"), outcome));

    public static PolicyScenario Row(
        string name, AddressStatus status, int count, FailureReason? reason, params (TimeSpan, QuarantineEvent?, QuarantineOutcome)[] steps) =>
        new(name, steps, status, count, reason);
}
