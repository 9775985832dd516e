using System.Text;

namespace MxPortal.TestSupport.Mail;

/// <summary>A minimal RFC 3464 delivery status report for one recipient, to feed the real bounce recorder.</summary>
public static class DsnMail
{
    /// <param name="to">where the bounce was delivered: the return path, e.g. a VERP address <c>bounce+TOKEN@…</c></param>
    public static byte[] Create(string messageId, string recipient, string status, string diagnostic, string to = "bounces@sender.test") => Encoding.UTF8.GetBytes($"""
        From: MAILER-DAEMON@mx.example.test
        To: {to}
        Subject: Undelivered Mail Returned to Sender
        Message-ID: {messageId}
        Date: Fri, 27 Nov 2026 09:00:00 +0000
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

        --b1
        Content-Type: text/plain

        Your message could not be delivered.

        --b1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.test

        Final-Recipient: rfc822; {recipient}
        Action: failed
        Status: {status}
        Diagnostic-Code: smtp; {diagnostic}

        --b1--

        """.Replace("\n", "\r\n", StringComparison.Ordinal));
}
