using MxPortal.Domain.Bounces;

namespace MxPortal.Bench.Queries;

/// <summary>The error texts of the generated events, by qualification, with their usual shares; {a} is the address, {n} a number.</summary>
internal static class ErrorTexts
{
    public sealed record Kind(FailureType Type, FailureReason Reason, ClassificationSource By, string Decider, string Status, string Template);

    public static readonly (Kind Value, double Weight)[] All =
    [
        (new(FailureType.Hard, FailureReason.UserUnknown, ClassificationSource.Rule, "user-unknown", "5.1.1", "550 5.1.1 <{a}>: Recipient address rejected: User unknown in virtual mailbox table {v}"), 0.17),
        (new(FailureType.Hard, FailureReason.UserUnknown, ClassificationSource.StatusCode, "5.1.1", "5.1.1", "550 5.1.1 The email account that you tried to reach does not exist {v}. {n} - gsmtp"), 0.08),
        (new(FailureType.Soft, FailureReason.MailboxFull, ClassificationSource.Rule, "mailbox-full", "5.2.2", "552 5.2.2 <{a}>: user is over quota ({n} bytes) {v}"), 0.15),
        (new(FailureType.Soft, FailureReason.Unreachable, ClassificationSource.Rule, "rate-limited", "4.7.0", "421 4.7.0 [TS01] Messages from 192.0.2.{n} temporarily deferred due to user complaints {v}"), 0.15),
        (new(FailureType.Soft, FailureReason.Unreachable, ClassificationSource.Report, "no SMTP reply", "", "no SMTP reply: connection refused by mx{n}.{v}.example"), 0.08),
        (new(FailureType.Soft, FailureReason.Unreachable, ClassificationSource.ReplyCode, "451", "4.3.0", "451 4.3.0 Temporary system problem, try again later ({n}) {v}"), 0.12),
        (new(FailureType.Soft, FailureReason.Refused, ClassificationSource.Rule, "spam-reputation", "5.7.1", "550 5.7.1 Message rejected as spam by content filtering ({n}) {v}"), 0.08),
        (new(FailureType.Soft, FailureReason.Refused, ClassificationSource.Rule, "policy-content", "5.7.9", "554 5.7.9 Message not accepted for policy reasons. id={n} {v}"), 0.04),
        (new(FailureType.Ignored, FailureReason.ErrorIgnored, ClassificationSource.Rule, "auto-reply", "", "Automatic reply: out of office until {n} {v}"), 0.05),
        (new(FailureType.Soft, FailureReason.InactiveUser, ClassificationSource.Rule, "inactive-mailbox", "5.2.1", "550 5.2.1 The email account that you tried to reach is disabled {v}. {n}"), 0.03),
        (new(FailureType.Soft, FailureReason.InvalidDomain, ClassificationSource.Rule, "dns-failure", "", "DNS query failed for 'dom{n}.example' {v}"), 0.03),
        (new(FailureType.Soft, FailureReason.NotDefined, ClassificationSource.Default, "", "", "550 unexpected answer {n} from remote host {v}"), 0.02),
    ];

    /// <summary>Words that make 20 distinct normalized texts of each template, as real servers vary their wording.</summary>
    public static readonly string[] Variants =
    [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
        "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
    ];

    public static readonly Kind Complaint =
        new(FailureType.Soft, FailureReason.Refused, ClassificationSource.Report, "feedback-loop complaint", "", "Feedback-Type: abuse");
}
