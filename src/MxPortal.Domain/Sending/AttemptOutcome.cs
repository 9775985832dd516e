using MxPortal.Domain.Bounces;

namespace MxPortal.Domain.Sending;

/// <summary>
/// The closed result of one attempt: its status, the reply as received (kept for the delivery log and the
/// qualification table), the SMTP stage, and the qualification that decided Deferred or Failed.
/// </summary>
public sealed record AttemptOutcome(AttemptStatus Status, string Reply, SmtpStage? Stage, BounceClassification? Qualification)
{
    public static AttemptOutcome Sent(string reply) => new(AttemptStatus.Sent, reply, null, null);

    /// <summary>
    /// The one place an SMTP failure becomes an outcome: a failure with no reply (refused, timeout, dropped, every MX
    /// down) is Soft / Unreachable; a reply goes through the classifier, Hard fails and everything else is retried.
    /// </summary>
    public static AttemptOutcome From(SmtpFailure failure, BounceClassifier classifier)
    {
        var reply = failure.ToString();
        var qualification = failure.ReplyCode == 0
            ? BounceClassification.FromReport(FailureType.Soft, FailureReason.Unreachable, "no SMTP reply: " + failure.Text)
            : classifier.Classify(reply);
        var status = qualification.Type == FailureType.Hard ? AttemptStatus.Failed : AttemptStatus.Deferred;
        return new AttemptOutcome(status, reply, failure.Stage, qualification);
    }
}
