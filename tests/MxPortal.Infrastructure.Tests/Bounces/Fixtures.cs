namespace MxPortal.Infrastructure.Tests.Bounces;

/// <summary>Hand-written reports for the cases the corpus has no sample of.</summary>
internal static class Fixtures
{
    public const string DeliveredDsn = """
        From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
        To: sender@mxportal.example
        Subject: Successful Mail Delivery Report
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

        --b1
        Content-Type: text/plain

        Your message was successfully delivered to the destination(s) listed below.

        --b1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net

        Final-Recipient: rfc822; friend@example.net
        Action: delivered
        Status: 2.0.0
        Diagnostic-Code: smtp; 250 2.0.0 Ok: queued as 4F2A

        --b1--
        """;

    public const string DsnWithCorrelation = """
        From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
        To: bounce+d42-r1337@mxportal.example
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b2"

        --b2
        Content-Type: text/plain

        <someone@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1
            <someone@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command)

        --b2
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net

        Final-Recipient: rfc822; someone@example.net
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <someone@example.net>: Recipient address rejected: User unknown

        --b2
        Content-Type: message/rfc822

        From: news@mxportal.example
        To: someone@example.net
        Subject: Our news
        Message-ID: <original-1@mxportal.example>
        X-MxPortal-Id: delivery-42:recipient-1337

        Hello.

        --b2--
        """;
}
