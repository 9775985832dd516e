using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces;

namespace MxPortal.Infrastructure.Tests.Bounces;

public sealed class BounceRuleTesterTests
{
    private static readonly BounceClassifier Classifier = new(BounceRuleSet.Create(DefaultBounceRules.Create()));
    private readonly BounceRuleTester _tester = new(new BounceMailParser());

    [Fact]
    public void Replies_OnePerLine_AreEachQualifiedWithTheirNormalizedText()
    {
        var result = _tester.Test("550 5.1.1 <jane@example.com>: User unknown\r\n\r\n452 4.2.2 Mailbox full\n", Classifier);

        Assert.Null(result.Error);
        Assert.Equal("2 SMTP replies", result.ReadAs);
        Assert.Collection(result.Rows,
            r =>
            {
                Assert.Equal((FailureType.Hard, FailureReason.UserUnknown), (r.Qualification.Type, r.Qualification.Reason));
                Assert.DoesNotContain("jane@example.com", r.NormalizedText);
                Assert.Equal(32, r.Md5.Length);
            },
            r => Assert.Equal(FailureReason.MailboxFull, r.Qualification.Reason));
    }

    [Fact]
    public void WholeBounceMail_IsParsedIntoItsRecipients()
    {
        var mail = File.ReadAllText(BounceCorpus.Eml("arf-02.eml"));

        var result = _tester.Test(mail, Classifier);

        Assert.Null(result.Error);
        Assert.StartsWith("bounce mail", result.ReadAs);
        Assert.Contains(result.Rows, r => r.IsComplaint);
    }

    [Fact]
    public void DeliveredDsn_IsShownAsNotAFailure()
    {
        var result = _tester.Test(Fixtures.DeliveredDsn, Classifier);

        Assert.True(Assert.Single(result.Rows).NotAFailure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void NothingPasted_SaysWhatToPaste(string input) =>
        Assert.Contains("Paste", _tester.Test(input, Classifier).Error);

    [Theory]
    [InlineData("550 5.1.1 User unknown", false)]
    [InlineData("550 5.1.1 User unknown\n\n452 4.2.2 Mailbox full", false)] // replies separated by a blank line
    [InlineData("Final recipient: x\n\nmore", false)]                        // a space in the "header" name
    [InlineData("From: a@b\nSubject: x\n\nbody", true)]
    [InlineData("Return-Path: <>\r\nFrom: a@b\r\n\r\nbody", true)]
    [InlineData("From: a@b", false)]                          // no body separator
    public void LooksLikeMail_NeedsHeadersAndABlankLine(string input, bool expected) =>
        Assert.Equal(expected, BounceRuleTester.LooksLikeMail(input));
}
