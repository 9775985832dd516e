namespace MxPortal.Domain.Sending;

/// <summary>Where in the SMTP conversation a reply or failure happened.</summary>
public enum SmtpStage
{
    Connect,
    Greeting,
    Helo,
    Tls,
    MailFrom,
    RcptTo,
    Data,
}
