using MxPortal.Domain.Bounces;

namespace MxPortal.Domain.Tests.Bounces;

public sealed class BounceClassifierTests
{
    private static readonly BounceClassifier Classifier = new(BounceRuleSet.Create(DefaultBounceRules.Create()));

    // The examples of DOMAIN.md §5, then real replies from the corpus and from production MTAs.
    [Theory]
    [InlineData("550 5.1.1 ... User is unknown {mx003}", FailureType.Hard, FailureReason.UserUnknown)]
    [InlineData("DNS query failed for 'ourdan.com'", FailureType.Soft, FailureReason.InvalidDomain)]
    [InlineData("421 4.16.55 [TS01] Messages from 192.0.2.1 temporarily deferred due to excessive user complaints", FailureType.Soft, FailureReason.Unreachable)]
    [InlineData("550 5.7.1 : Recipient address rejected: Inactive MailBox, not poped for more than 6 months", FailureType.Soft, FailureReason.InactiveUser)]
    [InlineData("550 5.2.2 user quota exceeded", FailureType.Soft, FailureReason.MailboxFull)]
    [InlineData("550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking", FailureType.Hard, FailureReason.UserUnknown)]
    [InlineData("552 5.2.2 Over quota", FailureType.Soft, FailureReason.MailboxFull)]
    [InlineData("550 5.7.1 Message content rejected, UBE, id=00000-00-000", FailureType.Soft, FailureReason.Refused)]
    [InlineData("554 5.7.9 Message not accepted for policy reasons. See https://postmaster.verizonmedia.com/error-codes", FailureType.Soft, FailureReason.Refused)]
    [InlineData("552 5.3.4 Message too large", FailureType.Soft, FailureReason.TextTooLong)]
    [InlineData("connect to example.org[203.0.113.225]:25: Connection timed out", FailureType.Soft, FailureReason.Unreachable)]
    [InlineData("Host or domain name not found. Name service error for name=example.jp type=A: Host not found", FailureType.Soft, FailureReason.InvalidDomain)]
    [InlineData("550 5.2.1 The email account that you tried to reach is disabled.", FailureType.Soft, FailureReason.InactiveUser)]
    [InlineData("451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation.", FailureType.Soft, FailureReason.Unreachable)]
    [InlineData("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'", FailureType.Hard, FailureReason.UserUnknown)]
    [InlineData("550 5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy", FailureType.Soft, FailureReason.Refused)]
    [InlineData("Sorry, I couldn't find any host named cx.libsisimai.com. (#5.1.2)", FailureType.Soft, FailureReason.InvalidDomain)]
    [InlineData("250 2.6.0 Message received", FailureType.Ignored, FailureReason.ErrorIgnored)]
    public void Classify_RealReplies(string reply, FailureType type, FailureReason reason)
    {
        var result = Classifier.Classify(reply);

        Assert.Equal((type, reason), (result.Type, result.Reason));
    }

    [Fact]
    public void Classify_RefusedRuleOnA4xxReply_IsSoftUnreachable()
    {
        var result = Classifier.Classify("450 4.7.1 Client host rejected: cannot find your hostname, blocked");

        Assert.Equal((FailureType.Soft, FailureReason.Unreachable), (result.Type, result.Reason));
        Assert.True(result.DeferralDowngrade);
        Assert.Contains("4xx deferral", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_SameRefusedTextOnA5xxReply_StaysRefused()
    {
        var result = Classifier.Classify("550 5.7.1 Client host rejected: cannot find your hostname, blocked");

        Assert.Equal(FailureReason.Refused, result.Reason);
        Assert.False(result.DeferralDowngrade);
    }

    [Fact]
    public void Classify_556WithoutRuleOrStatus_IsAnInvalidDomain()
    {
        // RFC 7504: 556 is "domain does not accept mail" (null MX): the whole domain is a dead end.
        var result = Classifier.Classify("556 SMTP protocol returned a permanent error");

        Assert.Equal((FailureType.Soft, FailureReason.InvalidDomain, ClassificationSource.ReplyCode), (result.Type, result.Reason, result.Source));
        Assert.Contains("RFC 7504", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("550 5.1.1 <x@example.org>: nope", FailureType.Hard, FailureReason.UserUnknown, "5.1.1")]
    [InlineData("550 5.1.2 bad", FailureType.Soft, FailureReason.InvalidDomain, "5.1.2")]
    [InlineData("452 4.2.2 nope", FailureType.Soft, FailureReason.MailboxFull, "4.2.2")]
    [InlineData("451 4.3.0 please wait", FailureType.Soft, FailureReason.Unreachable, "4.3.0")]
    [InlineData("554 5.7.0 not today", FailureType.Soft, FailureReason.Refused, "5.7.0")]
    public void Classify_NoRuleMatches_FallsBackToTheEnhancedStatusCode(string reply, FailureType type, FailureReason reason, string code)
    {
        var result = Classifier.Classify(reply);

        Assert.Equal(ClassificationSource.StatusCode, result.Source);
        Assert.Equal((type, reason), (result.Type, result.Reason));
        Assert.Equal(code, result.Decider);
    }

    [Fact]
    public void Classify_NothingKnown_IsSoftNotDefinedAndNeedsQualification()
    {
        var result = Classifier.Classify("550 5.0.0 qwertyuiop");

        Assert.Equal((FailureType.Soft, FailureReason.NotDefined), (result.Type, result.Reason));
        Assert.True(result.NeedsQualification);
        Assert.Contains("needs qualification", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ByRule_ExplainsWhichRule()
    {
        var result = Classifier.Classify("550 5.2.2 Mailbox full");

        Assert.Equal(ClassificationSource.Rule, result.Source);
        Assert.Equal("mailbox-full", result.Decider);
        Assert.Contains("bounce rule 'mailbox-full'", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_UserUnknownAnsweredAfterData_IsRefused()
    {
        var recipient = new BouncedRecipient("a@example.jp", "failed", "5.0.0", "550 Unknown user a@example.jp", SmtpCommand: "DATA");

        var result = Classifier.Classify(recipient, BounceReportKind.DeliveryStatus);

        Assert.Equal((FailureType.Soft, FailureReason.Refused), (result.Type, result.Reason));
        Assert.Contains("DATA", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_UserUnknownAnsweredAtRcpt_StaysHard()
    {
        var recipient = new BouncedRecipient("a@example.jp", "failed", "5.0.0", "550 Unknown user a@example.jp", SmtpCommand: "RCPT");

        Assert.Equal(FailureType.Hard, Classifier.Classify(recipient, BounceReportKind.DeliveryStatus).Type);
    }

    [Theory]
    [InlineData("mx.example.jp[192.0.2.22] said: 550 <a@example.jp>: User unknown")]
    [InlineData("550 a@example.jp... No such user")]
    public void Classify_RelayedUserUnknownWithoutStageOrStatus_IsSoftButStillUserUnknown(string text)
    {
        var recipient = new BouncedRecipient("a@example.jp", "failed", null, text);

        var result = Classifier.Classify(recipient, BounceReportKind.PlainText);

        Assert.Equal((FailureType.Soft, FailureReason.UserUnknown), (result.Type, result.Reason));
        Assert.Contains("neither the SMTP stage nor a status code", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "RCPT")]
    [InlineData("5.1.1", null)]
    public void Classify_RelayedUserUnknownWithStageOrAddressStatus_StaysHard(string? status, string? command)
    {
        var recipient = new BouncedRecipient("a@example.jp", "failed", status, "550 <a@example.jp>: User unknown", SmtpCommand: command);

        Assert.Equal(FailureType.Hard, Classifier.Classify(recipient, BounceReportKind.PlainText).Type);
    }

    [Fact]
    public void Classify_BouncingHostsOwnDirectoryVerdict_StaysHard()
    {
        var recipient = new BouncedRecipient("a@example.jp", "failed", null, "User a (a@example.jp) not listed in Domino Directory");

        var result = Classifier.Classify(recipient, BounceReportKind.PlainText);

        Assert.Equal((FailureType.Hard, FailureReason.UserUnknown), (result.Type, result.Reason));
    }

    [Theory]
    [InlineData("5.7.1", FailureReason.Refused)]
    [InlineData("5.2.0", FailureReason.Refused)]
    [InlineData("5.2.1", FailureReason.InactiveUser)]
    [InlineData("5.1.1", FailureReason.UserUnknown)]
    public void Classify_UserUnknownWordsOutsideRcpt_FollowTheStatusCode(string status, FailureReason reason)
    {
        var recipient = new BouncedRecipient("a@example.jp", "failed", status, "550 User Unknown: a@example.jp");

        var result = Classifier.Classify(recipient, BounceReportKind.DeliveryStatus);

        Assert.Equal(reason, result.Reason);
        Assert.Equal(reason == FailureReason.UserUnknown ? FailureType.Hard : FailureType.Soft, result.Type);
    }

    [Theory]
    [InlineData("554 mx.example.net closing: not accepting messages from you")]
    [InlineData("554 5.5.0 A problem occurred, ask your postmaster")]
    public void Classify_PermanentErrorToTheConnection_IsRefused(string reply)
    {
        var recipient = new BouncedRecipient("a@example.jp", "failed", "5.0.0", reply, SmtpCommand: "CONN");

        var result = Classifier.Classify(recipient, BounceReportKind.DeliveryStatus);

        Assert.Equal((FailureType.Soft, FailureReason.Refused), (result.Type, result.Reason));
        Assert.Contains("refused the connection", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_TemporaryErrorToTheConnection_StaysUnreachable()
    {
        var recipient = new BouncedRecipient("a@example.jp", "delayed", "4.0.0", "421 mx.example.net busy", SmtpCommand: "CONN");

        Assert.Equal(FailureReason.Unreachable, Classifier.Classify(recipient, BounceReportKind.DeliveryStatus).Reason);
    }

    [Fact]
    public void Classify_ErrorAtMailFrom_IsRefused()
    {
        var recipient = new BouncedRecipient("a@example.jp", null, null, "550 5.1.7 No such domain", SmtpCommand: "MAIL");

        Assert.Equal(FailureReason.Refused, Classifier.Classify(recipient, BounceReportKind.PlainText).Reason);
    }

    [Fact]
    public void Classify_ComplaintAutoReplyAndDelivered_AreDecidedByTheReport()
    {
        var complaint = new BouncedRecipient("a@example.jp", null, null, null, FeedbackType: "abuse");
        var delivered = new BouncedRecipient("a@example.jp", "delivered", "2.0.0", "250 ok");
        var vacation = new BouncedRecipient("a@example.jp", null, null, "Thanks for your mail");

        Assert.Equal((FailureType.Soft, FailureReason.Refused), Pair(Classifier.Classify(complaint, BounceReportKind.Feedback)));
        Assert.Equal((FailureType.Ignored, FailureReason.ErrorIgnored), Pair(Classifier.Classify(delivered, BounceReportKind.DeliveryStatus)));
        Assert.Equal((FailureType.Ignored, FailureReason.ErrorIgnored), Pair(Classifier.Classify(vacation, BounceReportKind.AutoReply)));
    }

    [Fact]
    public void Classify_EmptyDiagnostic_UsesTheDetailText()
    {
        var recipient = new BouncedRecipient("a@example.jp", "failed", "5.5.0", null, Detail: "mail.local: unknown user: kijitora");

        Assert.Equal(FailureReason.UserUnknown, Classifier.Classify(recipient, BounceReportKind.DeliveryStatus).Reason);
    }

    [Fact]
    public void Classify_AfterWarmUp_AllocatesNothing()
    {
        // Note: its own instance, so no other test thread shares (and contends for) its regex runners.
        var classifier = new BounceClassifier(BounceRuleSet.Create(DefaultBounceRules.Create()));
        string[] replies =
        [
            "550 5.1.1 <kijitora@example.jp>... User Unknown",
            "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to user complaints",
            "554 5.0.0 qwertyuiop",
        ];
        foreach (var reply in replies)
        {
            _ = classifier.Classify(reply);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 300; i++)
        {
            _ = classifier.Classify(replies[i % replies.Length]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static (FailureType, FailureReason) Pair(BounceClassification c) => (c.Type, c.Reason);
}
