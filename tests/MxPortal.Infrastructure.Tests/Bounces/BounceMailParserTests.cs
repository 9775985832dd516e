using System.Text;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces;

namespace MxPortal.Infrastructure.Tests.Bounces;

public sealed class BounceMailParserTests
{
    private static readonly BounceMailParser Parser = new();
    private static readonly BounceClassifier Classifier = new(BounceRuleSet.Create(DefaultBounceRules.Create()));

    private static BounceReport ParseFile(string name)
    {
        using var stream = File.OpenRead(BounceCorpus.Eml(name));
        var result = Parser.Parse(stream);
        Assert.True(result.IsSuccess, result.Error);
        return result.Report!;
    }

    private static BounceParseResult ParseText(string mail) =>
        Parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(mail.ReplaceLineEndings("\r\n"))));

    // Real bounces of several MTAs: recipient found and qualified as the corpus expects.
    [Theory]
    [InlineData("lhost-postfix-16.eml", "kijitora@example.go.jp", FailureType.Hard, FailureReason.UserUnknown)]
    [InlineData("lhost-qmail-08.eml", "shironeko@example.ad.jp", FailureType.Soft, FailureReason.MailboxFull)]
    [InlineData("lhost-exim-58.eml", "kijitora@example.us", FailureType.Soft, FailureReason.TextTooLong)]
    [InlineData("lhost-sendmail-15.eml", "kijitora@example.org", FailureType.Soft, FailureReason.InvalidDomain)]
    [InlineData("lhost-exchange2007-06.eml", "transports@agglo-saumur.fr", FailureType.Hard, FailureReason.UserUnknown)]
    [InlineData("lhost-domino-01.eml", "kijitora@example.jp", FailureType.Hard, FailureReason.UserUnknown)]
    [InlineData("rhost-google-04.eml", "kijitora@google.example.com", FailureType.Soft, FailureReason.Refused)]
    [InlineData("lhost-yahoo-02.eml", "kijitora@example.ed.jp", FailureType.Soft, FailureReason.MailboxFull)]
    [InlineData("lhost-amazonses-10.eml", "bounce@simulator.amazonses.com", FailureType.Hard, FailureReason.UserUnknown)]
    [InlineData("rhost-google-02.eml", "neko-nyaan@example.org", FailureType.Hard, FailureReason.UserUnknown)]
    public void Parse_CorpusBounce_FindsAndQualifiesTheRecipient(string file, string recipient, FailureType type, FailureReason reason)
    {
        var report = ParseFile(file);

        var bounced = Assert.Single(report.Recipients, r => r.Address.Equals(recipient, StringComparison.OrdinalIgnoreCase));
        var result = Classifier.Classify(bounced, report.Kind);
        Assert.Equal((type, reason), (result.Type, result.Reason));
    }

    [Fact]
    public void Parse_DsnWithTwoRecipients_ReadsEveryRecipientInOrder()
    {
        var report = ParseFile("rhost-aol-03.eml");

        Assert.Equal(BounceReportKind.DeliveryStatus, report.Kind);
        Assert.Collection(report.Recipients,
            r =>
            {
                Assert.Equal("sabineko@example.jp", r.Address);
                Assert.Equal(("failed", "5.2.2"), (r.Action, r.Status));
                Assert.Equal("550 5.2.2 <sabineko@example.jp>... Mailbox Full", r.DiagnosticCode);
                Assert.Equal("example.mx.aol.com", r.RemoteMta);
            },
            r =>
            {
                Assert.Equal("mikeneko@example.jp", r.Address);
                Assert.Equal("5.1.1", r.Status);
                Assert.Equal(FailureReason.UserUnknown, Classifier.Classify(r, report.Kind).Reason);
            });
    }

    [Fact]
    public void Parse_ArfFeedbackReport_IsAComplaintAboutTheOriginalRecipient()
    {
        var report = ParseFile("arf-02.eml");

        Assert.Equal(BounceReportKind.Feedback, report.Kind);
        var complaint = Assert.Single(report.Recipients);
        Assert.True(complaint.IsComplaint);
        Assert.Equal("abuse", complaint.FeedbackType);
        Assert.Equal("this-local-part-does-not-exist-on-yahoo@yahoo.com", complaint.Address);
        Assert.Equal((FailureType.Soft, FailureReason.Refused), Pair(Classifier.Classify(complaint, report.Kind)));
    }

    [Fact]
    public void Parse_AutoReply_IsIgnored()
    {
        var report = ParseFile("rfc3834-01.eml");

        Assert.Equal(BounceReportKind.AutoReply, report.Kind);
        var sender = Assert.Single(report.Recipients);
        Assert.Equal("kijitora@example.net", sender.Address);
        Assert.Equal((FailureType.Ignored, FailureReason.ErrorIgnored), Pair(Classifier.Classify(sender, report.Kind)));
    }

    [Fact]
    public void Parse_DeliveredDsn_IsNotAFailure()
    {
        var result = ParseText(Fixtures.DeliveredDsn);

        var recipient = Assert.Single(result.Report!.Recipients);
        Assert.True(recipient.IsSuccess);
        Assert.Equal(FailureType.Ignored, Classifier.Classify(recipient, result.Report.Kind).Type);
    }

    [Fact]
    public void Parse_SesDeliveryNotification_IsNotAFailure()
    {
        var report = ParseFile("lhost-amazonses-13.eml");

        var recipient = Assert.Single(report.Recipients);
        Assert.Equal((FailureType.Ignored, FailureReason.ErrorIgnored), Pair(Classifier.Classify(recipient, report.Kind)));
    }

    [Fact]
    public void Parse_FindsVerpTokenOurHeaderAndTheOriginalMessageId()
    {
        var report = ParseText(Fixtures.DsnWithCorrelation).Report!;

        Assert.Equal("d42-r1337", report.VerpToken);
        Assert.Equal("delivery-42:recipient-1337", report.MxPortalId);
        Assert.Equal("original-1@mxportal.example", report.OriginalMessageId);
        Assert.Equal("someone@example.net", Assert.Single(report.Recipients).Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0001\u0002 garbage that is no mail at all")]
    [InlineData("Subject: hello\r\nFrom: a@example.org\r\nTo: b@example.org\r\n\r\nSee you tomorrow.")]
    public void Parse_NotABounce_ReturnsAFailureWithAReason(string mail)
    {
        var result = ParseText(mail);

        Assert.False(result.IsSuccess);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Parse_TruncatedMultipart_DoesNotThrow()
    {
        var truncated = Fixtures.DsnWithCorrelation[..(Fixtures.DsnWithCorrelation.Length / 2)];

        var result = ParseText(truncated);

        Assert.True(result.IsSuccess || result.Error is not null);
    }

    private static (FailureType, FailureReason) Pair(BounceClassification c) => (c.Type, c.Reason);
}
