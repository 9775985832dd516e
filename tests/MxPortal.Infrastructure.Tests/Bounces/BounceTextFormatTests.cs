using System.Text;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces;

namespace MxPortal.Infrastructure.Tests.Bounces;

/// <summary>
/// Hand-written bounces in the layouts of real MTAs (sendmail transcripts, exim notices, plain
/// texts quoting the returned headers): the right recipients, the stage the error answered, and
/// the qualification that follows.
/// </summary>
public sealed class BounceTextFormatTests
{
    private static readonly BounceMailParser Parser = new();
    private static readonly BounceClassifier Classifier = new(BounceRuleSet.Create(DefaultBounceRules.Create()));

    private static BounceReport Parse(string mail)
    {
        var result = Parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(mail.ReplaceLineEndings("\r\n"))));
        Assert.True(result.IsSuccess, result.Error);
        return result.Report!;
    }

    private static string SendmailDsn(string transcript, string status, string diagnostic) => $"""
        From: Mail Delivery Subsystem <MAILER-DAEMON@out.example.org>
        To: <sender@example.org>
        Subject: Returned mail: see transcript for details
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"

        --b

           ----- The following addresses had permanent fatal errors -----
        <friend@example.net>
            (reason: {diagnostic})

           ----- Transcript of session follows -----
        ... while talking to mx.example.net.:
        {transcript}

        --b
        Content-Type: message/delivery-status

        Reporting-MTA: dns; out.example.org

        Final-Recipient: RFC822; friend@example.net
        Action: failed
        Status: {status}
        Diagnostic-Code: SMTP; {diagnostic}

        --b--
        """;

    [Fact]
    public void Parse_PipelinedReplyThatSendmailPinsOnTheRecipient_AnsweredRcpt()
    {
        // With PIPELINING the reply to RCPT TO arrives after DATA was sent; sendmail names the
        // recipient on the next line, so the address was refused, not the message.
        var report = Parse(SendmailDsn("""
            >>> DATA
            <<< 550 5.5.0 Destinataire inconnu. Invalid recipient.
            550 5.1.1 <friend@example.net>... User unknown
            <<< 554 5.5.1 Error: no valid recipients
            """, "5.5.0", "550 5.5.0 Destinataire inconnu. Invalid recipient."));

        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("RCPT", recipient.SmtpCommand);
        var result = Classifier.Classify(recipient, report.Kind);
        Assert.Equal((FailureType.Hard, FailureReason.UserUnknown), (result.Type, result.Reason));
    }

    [Fact]
    public void Parse_ReplyToDataThatSendmailPinsOnTheMessage_AnsweredData()
    {
        var report = Parse(SendmailDsn("""
            >>> DATA
            <<< 550 Unknown user friend@example.net
            554 5.0.0 Service unavailable
            """, "5.0.0", "550 Unknown user friend@example.net"));

        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("DATA", recipient.SmtpCommand);
        Assert.Equal(FailureReason.Refused, Classifier.Classify(recipient, report.Kind).Reason);
    }

    [Fact]
    public void Parse_PermanentErrorInTheGreeting_RefusesOurHost()
    {
        var report = Parse(SendmailDsn("""
            <<< 554 mx.example.net closing: not accepting messages from you
            554 5.0.0 Service unavailable
            """, "5.5.0", "554 mx.example.net closing: not accepting messages from you"));

        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("CONN", recipient.SmtpCommand);
        Assert.Equal((FailureType.Soft, FailureReason.Refused), Pair(Classifier.Classify(recipient, report.Kind)));
    }

    private static string QmailBounce(string sentence, string reply) => $"""
        From: MAILER-DAEMON@out.example.org
        To: sender@example.org
        Subject: failure notice

        Hi. This is the qmail-send program at out.example.org.
        I'm afraid I wasn't able to deliver your message to the following addresses.
        This is a permanent error; I've given up. Sorry it didn't work out.

        <friend@example.net>:
        192.0.2.25 {sentence}
        Remote host said: {reply}
        Giving up on 192.0.2.25.

        --- Below this line is a copy of the message.

        From: sender@example.org
        To: friend@example.net
        Subject: hello
        """;

    [Theory]
    // qmail names the stage in its own words; an unknown user refused at RCPT TO is a dead address
    // even without an enhanced status code, the same words after the message was sent are a filter's.
    [InlineData("does not like recipient.", "550 sorry, no mailbox here by that name", "RCPT", FailureType.Hard, FailureReason.UserUnknown)]
    [InlineData("failed after I sent the message.", "550 unknown user friend@example.net", "DATA", FailureType.Soft, FailureReason.Refused)]
    [InlineData("but sender was rejected.", "553 no such user here", "MAIL", FailureType.Soft, FailureReason.Refused)]
    public void Parse_QmailSentence_GivesTheStage(string sentence, string reply, string stage, FailureType type, FailureReason reason)
    {
        var report = Parse(QmailBounce(sentence, reply));

        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("friend@example.net", recipient.Address);
        Assert.Equal(stage, recipient.SmtpCommand);
        Assert.Equal((type, reason), Pair(Classifier.Classify(recipient, report.Kind)));
    }

    [Fact]
    public void Parse_LocalProgramExitStatus_KeepsItsTypeAndIsAMailerError()
    {
        var report = Parse("""
            From: Mail Delivery Subsystem <MAILER-DAEMON@host.example.org>
            To: postmaster@host.example.org
            Subject: Returned mail: see transcript for details
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b

               ----- The following addresses had permanent fatal errors -----
            "|/usr/local/bin/ticket-intake"
                (reason: 75)
                (expanded from: <support@host.example.org>)

            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; host.example.org

            Final-Recipient: RFC822; support@host.example.org
            X-Actual-Recipient: X-Unix; |/usr/local/bin/ticket-intake
            Action: failed
            Status: 5.0.0
            Diagnostic-Code: X-Unix; 75

            --b--
            """);

        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("X-Unix; 75", recipient.DiagnosticCode);
        Assert.Equal((FailureType.Soft, FailureReason.Unreachable), Pair(Classifier.Classify(recipient, report.Kind)));
    }

    [Fact]
    public void Parse_EximMalformedAddress_TheAngleAddressIsTheRecipient()
    {
        var report = Parse("""
            From: Mail Delivery System <Mailer-Daemon@relay.example.org>
            To: sender@example.org
            Subject: Mail failure - malformed recipient address

            A message that you sent contained one or more recipient addresses that were
            incorrectly constructed:

              colleague@example.com <friend@example.net>: malformed address: <friend@example.net> may not follow colleague@example.com

            This address has been ignored. The other addresses in the message were
            syntactically valid and have been passed on for an attempt at delivery.

            ------ This is a copy of your message, including all the headers. ------

            To: colleague@example.com <friend@example.net>
            From: sender@example.org
            Subject: Hello
            """);

        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("friend@example.net", recipient.Address);
        Assert.Equal((FailureType.Soft, FailureReason.Unreachable), Pair(Classifier.Classify(recipient, report.Kind)));
    }

    [Theory]
    [InlineData("--- The header of the original message is following. ---")]
    [InlineData("|------------------------- Message text follows: ------------------------|")]
    [InlineData("Included is a copy of the message header:")]
    [InlineData("")]
    public void Parse_ReturnedHeadersAfterTheNotice_AreNotRecipients(string introduction)
    {
        var report = Parse($"""
            From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
            To: sender@example.org
            Subject: Mail delivery failed: returning message to sender

            This message was created automatically by mail delivery software.
            A message that you sent could not be delivered to one or more of
            its recipients. This is a permanent error. The following address failed:

              friend@example.net: mailbox is full

            {introduction}
            Received: from out.example.org (out.example.org [192.0.2.1])
                by mx.example.org with ESMTP id 1a2b3c
                for <friend@example.net>; Mon, 3 Mar 2025 10:00:00 +0100
            Received: from submit.example.org (localhost [127.0.0.1])
                by out.example.org with ESMTP id 4d5e6f
                for alias@example.org; Mon, 3 Mar 2025 10:00:00 +0100
            Cc: other@example.com
            Subject: Hello
            """);

        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("friend@example.net", recipient.Address);
        Assert.Equal(FailureReason.MailboxFull, Classifier.Classify(recipient, report.Kind).Reason);
    }

    [Fact]
    public void Parse_MailingListNotice_ItsCommandAddressIsNotARecipient()
    {
        var report = Parse("""
            From: list-admin@lists.example.org
            To: sender@example.org
            Subject: You are not a member of the team list
            List-Subscribe: <mailto:team-ctl@lists.example.org?body=subscribe>

            You are not a member of this mailing list <team@lists.example.org>.
            To read the guide, send a mail with the body "guide" to the address
                team-ctl@lists.example.org
            """);

        var recipient = Assert.Single(report.Recipients);
        Assert.Equal("team@lists.example.org", recipient.Address);
        Assert.Equal(FailureReason.Refused, Classifier.Classify(recipient, report.Kind).Reason);
    }

    private static (FailureType, FailureReason) Pair(BounceClassification c) => (c.Type, c.Reason);
}
