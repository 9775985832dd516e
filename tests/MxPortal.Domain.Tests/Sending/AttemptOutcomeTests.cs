using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;

namespace MxPortal.Domain.Tests.Sending;

public sealed class AttemptOutcomeTests
{
    private static readonly BounceClassifier Classifier = new(BounceRuleSet.Create(DefaultBounceRules.Create()));

    [Theory]
    [InlineData(SmtpStage.RcptTo, 550, "550 5.1.1 <x@example.test>: Recipient address rejected: User unknown in virtual mailbox table", AttemptStatus.Failed, FailureReason.UserUnknown)]
    [InlineData(SmtpStage.RcptTo, 552, "552 5.2.2 Mailbox full", AttemptStatus.Deferred, FailureReason.MailboxFull)]
    [InlineData(SmtpStage.Data, 451, "451 4.7.1 Greylisted, please try again later", AttemptStatus.Deferred, null)]
    [InlineData(SmtpStage.Greeting, 421, "421 4.16.55 [TS01] Messages from 203.0.113.5 temporarily deferred due to excessive user complaints", AttemptStatus.Deferred, FailureReason.Unreachable)]
    [InlineData(SmtpStage.Connect, 0, "connection refused (ConnectionRefused)", AttemptStatus.Deferred, FailureReason.Unreachable)]
    [InlineData(SmtpStage.Data, 0, "timeout after 240s", AttemptStatus.Deferred, FailureReason.Unreachable)]
    public void Failure_BecomesTheOutcomeItsQualificationSays(SmtpStage stage, int code, string text, AttemptStatus status, FailureReason? reason)
    {
        var outcome = AttemptOutcome.From(new SmtpFailure(stage, code, text), Classifier);

        Assert.Equal(status, outcome.Status);
        Assert.Equal(text, outcome.Reply);
        Assert.Equal(stage, outcome.Stage);
        if (reason is { } r) Assert.Equal(r, outcome.Qualification!.Value.Reason);
        Assert.Equal(status == AttemptStatus.Failed, outcome.Qualification!.Value.Type == FailureType.Hard);
    }

    [Fact]
    public void Sent_KeepsTheReply() =>
        Assert.Equal((AttemptStatus.Sent, "250 2.0.0 Ok: queued as 1A2B"), (AttemptOutcome.Sent("250 2.0.0 Ok: queued as 1A2B").Status, AttemptOutcome.Sent("250 2.0.0 Ok: queued as 1A2B").Reply));
}
